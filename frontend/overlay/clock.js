// The IST clock: text only, set once a second (the one interval timer the page runs), started on a second boundary
// so it ticks with the wall clock.

import {setText} from '/lib/dom.js';
import {ist} from '/lib/format.js';

export function startClock(node) {
  const tick = () => setText(node, ist());
  tick();
  setTimeout(() => {
    tick();
    setInterval(tick, 1000);
  }, 1000 - (Date.now() % 1000) + 5);
}
