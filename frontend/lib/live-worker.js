// Runs the push channel (Live: /api/live with its reconnection) in a dedicated worker and forwards what it receives
// to the page. Started by WorkerLive (worker-live.js); see there for why.

import {Live} from './live.js';

let live = null;

const forward = (type) => live.on(type, (data) => self.postMessage({kind: 'event', type, data}));

self.onmessage = (message) => {
  const {start, types, add} = message.data ?? {};
  if (add && live) {
    forward(add);
    return;
  }
  if (!start || live) return;
  live = new Live(start);
  for (const type of types) forward(type);
  live.onStatus((status) => self.postMessage({kind: 'status', status}));
  live.onOpen(() => self.postMessage({kind: 'open', lastId: live.lastId}));
  live.start();
};
