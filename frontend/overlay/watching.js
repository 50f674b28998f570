// The "N watching now" badge in the header: the total of the platforms' live viewer figures, shown only while the
// operator has it on (/api/overlay's `watchingNow`, then the `overlay.options` push) and some platform is live.
// Figures in Indian grouping, as text.

import {setText} from '/lib/dom.js';
import {votes} from '/lib/format.js';
import {getJson} from '/lib/live.js';
import {Audience} from '/lib/audience.js';

export class WatchingNow {
  constructor(node) {
    this.node = node;
    this.figure = node.querySelector('.figure');
    this.on = false;
    this.audience = new Audience().onChange(() => this.show());
    this.show();
  }

  /** At start and on every reconnection (readings pushed meanwhile are not replayed). */
  async load() {
    try {
      this.audience.load(await getJson('/api/audience'));
    } catch {
      // no audience API: the badge stays hidden
    }
  }

  /** A pushed reading (SSE `audience`). */
  reading(reading) {
    this.audience.reading(reading);
  }

  /** The overlay's options, from /api/overlay or the `overlay.options` push. */
  options(options) {
    if (typeof options?.watchingNow !== 'boolean' || options.watchingNow === this.on) return;
    this.on = options.watchingNow;
    this.show();
  }

  show() {
    const total = this.audience.total;
    const visible = this.on && total !== null;
    if (visible) setText(this.figure, votes(total));
    if (this.node.hidden === visible) this.node.hidden = !visible;
    const flag = visible ? '1' : '0';
    if (document.body.dataset.watching !== flag) document.body.dataset.watching = flag;
  }
}
