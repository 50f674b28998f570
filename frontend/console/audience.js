// The Audience panel: each platform's figure now (or hidden, ended, or why it failed, in the platform's own words:
// text, never markup), the total watching, a sparkline of the total over the last hour (inline SVG), and the
// operator's switch for the overlay's "watching now" badge.

import {el, setText, replaceChildren} from '/lib/dom.js';
import {votes, ist} from '/lib/format.js';
import {getJson} from '/lib/live.js';
import {Audience} from '/lib/audience.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 384;
const HEIGHT = 64;
const PAD = 3;
const HOUR_MS = 60 * 60 * 1000;
const WITHOUT_FIGURE = {hidden: 'hidden', ended: 'ended', failed: 'failed'};

export class AudiencePanel {
  constructor(operator) {
    this.operator = operator;
    this.panel = document.getElementById('audience-panel');
    this.list = document.getElementById('audience-platforms');
    this.chart = document.getElementById('audience-chart');
    this.toggle = document.getElementById('watching-now');
    this.message = document.getElementById('watching-message');
    this.audience = new Audience().onChange(() => this.show());
    this.toggle.addEventListener('change', () => this.switchWatching(this.toggle.checked));
  }

  /** At load and on every reconnection (readings pushed meanwhile are not replayed). */
  async load() {
    try {
      this.audience.load(await getJson('/api/audience'));
    } catch {
      // an older server without /api/audience: the panel stays empty
    }
  }

  /** A pushed reading (SSE `audience`). */
  reading(reading) {
    this.audience.reading(reading);
  }

  show() {
    const audience = this.audience;
    const total = audience.total;
    this.panel.dataset.platforms = String(audience.platforms.size);
    this.panel.dataset.live = total === null ? '0' : '1';
    setText(document.getElementById('audience-total'), total === null ? '–' : votes(total));
    setText(document.getElementById('audience-at'), audience.at ? `at ${ist(new Date(audience.at))}` : '');
    const rows = audience.list().map((p) => el('li', {class: 'platform', dataset: {platform: p.platform, state: p.state},
      title: `${p.platform}: ${p.state}, read at ${ist(new Date(p.at))} IST`},
    el('span', {class: 'name'}, p.platform),
    el('span', {class: 'figure'}, p.state === 'live' ? votes(p.viewers) : WITHOUT_FIGURE[p.state]),
    p.note && p.state !== 'live' ? el('span', {class: 'note'}, p.note) : null));
    if (rows.length === 0) {
      rows.push(el('li', {class: 'empty muted'}, 'No viewer figures: no platform is configured or read yet.'));
    }
    replaceChildren(this.list, rows);
    this.drawChart();
  }

  /** The total over the hour up to the newest reading, a line per stretch with a figure (a gap where none was live). */
  drawChart() {
    const points = this.audience.series.map((p) => ({t: Date.parse(p.at), total: p.total}));
    const end = points.length ? points[points.length - 1].t : 0;
    const start = points.length ? Math.max(points[0].t, end - HOUR_MS) : 0;
    const peak = Math.max(0, ...points.map((p) => p.total ?? 0));
    const x = (t) => (end === start ? WIDTH - PAD : PAD + ((t - start) / (end - start)) * (WIDTH - 2 * PAD));
    const y = (v) => (peak === 0 ? HEIGHT - PAD : HEIGHT - PAD - (v / peak) * (HEIGHT - 2 * PAD));
    const stretches = [];
    let current = [];
    for (const p of points) {
      if (p.total === null || p.total === undefined) {
        if (current.length) stretches.push(current);
        current = [];
      } else {
        current.push(`${x(p.t).toFixed(1)},${y(p.total).toFixed(1)}`);
      }
    }
    if (current.length) stretches.push(current);
    const shapes = [svg('line', {class: 'base', x1: 0, x2: WIDTH, y1: HEIGHT - PAD, y2: HEIGHT - PAD})];
    for (const stretch of stretches) {
      shapes.push(stretch.length > 1 ? svg('polyline', {class: 'total', points: stretch.join(' ')})
        : svg('circle', {class: 'total-dot', cx: stretch[0].split(',')[0], cy: stretch[0].split(',')[1], r: 2}));
    }
    this.chart.replaceChildren(...shapes);
    const minutes = Math.round((end - start) / 60000);
    setText(document.getElementById('audience-span'), points.length < 2 ? ''
      : `peak ${votes(peak)} · last ${minutes < 1 ? '<1' : minutes} min`);
  }

  /** The overlay's options as /api/overlay or the `overlay.options` push give them. */
  options(options) {
    if (typeof options?.watchingNow !== 'boolean') return;
    this.toggle.checked = options.watchingNow;
    this.panel.dataset.watching = options.watchingNow ? '1' : '0';
  }

  async switchWatching(on) {
    setText(this.message, '');
    try {
      this.options(await this.operator.call('POST', '/api/operator/overlay/options', {watchingNow: on}));
    } catch (e) {
      this.toggle.checked = !on; // unchanged on the server: say so, and show what is on air
      setText(this.message, e.message);
    }
  }
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}
