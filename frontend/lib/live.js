// The push channel (/api/live, server-sent events) with recovery: EventSource reconnects by itself after a dropped
// connection and resumes with Last-Event-ID, so no result event is lost. When the browser gives up (the server
// answered an error, or was down too long) this reconnects with back-off, resuming after the last event id it saw.
// onOpen callbacks run at every (re)connection: pages refetch their state there, since state pushes (health, map,
// scene) are not replayed.

export class Live {
  constructor(url = '/api/live') {
    this.url = url;
    this.handlers = new Map();
    this.statusHandlers = [];
    this.openHandlers = [];
    this.lastId = null;
    this.retryMs = 1000;
    this.source = null;
  }

  /** on('lead.flipped', (event) => ...); 'health', 'map.updated' and 'scene' are state pushes. */
  on(type, handler) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(handler);
    this.source?.addEventListener(type, (e) => this.dispatch(type, e));
    return this;
  }

  /** status: 'connecting' | 'live' | 'reconnecting' */
  onStatus(handler) {
    this.statusHandlers.push(handler);
    return this;
  }

  onOpen(handler) {
    this.openHandlers.push(handler);
    return this;
  }

  start() {
    this.status('connecting');
    this.open();
    return this;
  }

  open() {
    const url = this.lastId === null ? this.url : `${this.url}?after=${encodeURIComponent(this.lastId)}`;
    const source = new EventSource(url);
    this.source = source;
    for (const type of this.handlers.keys()) source.addEventListener(type, (e) => this.dispatch(type, e));
    source.onopen = () => {
      this.retryMs = 1000;
      this.status('live');
      for (const handler of this.openHandlers) handler();
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        this.status('reconnecting');
        setTimeout(() => this.open(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, 15000);
      } else {
        this.status('reconnecting'); // the browser is already retrying
      }
    };
  }

  dispatch(type, e) {
    if (e.lastEventId) this.lastId = e.lastEventId;
    let data;
    try {
      data = JSON.parse(e.data);
    } catch {
      return; // not ours
    }
    for (const handler of this.handlers.get(type) ?? []) handler(data);
  }

  status(state) {
    for (const handler of this.statusHandlers) handler(state);
  }
}

/** fetch() a JSON resource; throws an Error carrying the server's {"error": ...} message and status. */
export async function getJson(url, options = {}) {
  const response = await fetch(url, {cache: 'no-store', ...options});
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = new Error(body?.error ?? `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}
