// The push channel with Live's interface (on, onStatus, onOpen, start), its EventSource living in a dedicated worker.
// Why: Chromium's virtual time (`chromium --headless --virtual-time-budget=N --dump-dom`, how acceptance checks read
// the overlay) stands still while a page has a network request pending, and an event stream is always pending, so
// the page's own EventSource would stop the clock forever; a worker's requests do not. Reconnection, Last-Event-ID
// resumption and back-off are Live's own, unchanged, inside the worker. Without worker support it falls back to Live.

import {Live} from './live.js';

export class WorkerLive {
  constructor(url = '/api/live') {
    this.url = new URL(url, location.href).href;
    this.handlers = new Map();
    this.statusHandlers = [];
    this.openHandlers = [];
    this.lastId = null;
    this.worker = null;
    this.fallback = null;
  }

  on(type, handler) {
    if (!this.handlers.has(type)) {
      this.handlers.set(type, []);
      this.worker?.postMessage({add: type}); // a type asked for after start
    }
    this.handlers.get(type).push(handler);
    this.fallback?.on(type, handler);
    return this;
  }

  onStatus(handler) {
    this.statusHandlers.push(handler);
    this.fallback?.onStatus(handler);
    return this;
  }

  onOpen(handler) {
    this.openHandlers.push(handler);
    this.fallback?.onOpen(handler);
    return this;
  }

  start() {
    try {
      this.worker = new Worker(new URL('./live-worker.js', import.meta.url), {type: 'module'});
    } catch {
      return this.startInPage();
    }
    this.worker.onmessage = (message) => this.receive(message.data);
    this.worker.onerror = () => {
      this.worker.terminate();
      this.worker = null;
      this.startInPage();
    };
    this.worker.postMessage({start: this.url, types: [...this.handlers.keys()]});
    return this;
  }

  startInPage() {
    this.fallback = new Live(this.url);
    for (const [type, handlers] of this.handlers) for (const h of handlers) this.fallback.on(type, h);
    for (const h of this.statusHandlers) this.fallback.onStatus(h);
    for (const h of this.openHandlers) this.fallback.onOpen(h);
    this.fallback.start();
    return this;
  }

  receive(message) {
    switch (message?.kind) {
      case 'event':
        for (const handler of this.handlers.get(message.type) ?? []) handler(message.data);
        break;
      case 'status':
        for (const handler of this.statusHandlers) handler(message.status);
        break;
      case 'open':
        this.lastId = message.lastId;
        for (const handler of this.openHandlers) handler();
        break;
      default:
        break;
    }
  }
}
