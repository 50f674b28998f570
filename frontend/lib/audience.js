// The audience as /api/audience answers it, kept current by the live channel's `audience` readings: each platform's
// newest reading, the total of the live figures and the last hour's series, made the way the API makes them (a
// platform counts only while its newest reading is live; each point holds every platform's latest figure).

const HOUR_MS = 60 * 60 * 1000;
const MAX_POINTS = 240;
const STATES = new Set(['live', 'hidden', 'ended', 'failed']);

const time = (at) => Date.parse(at);

export class Audience {
  constructor() {
    this.platforms = new Map();
    this.series = [];
    this.handlers = [];
  }

  /** handler(audience) after every change. */
  onChange(handler) {
    this.handlers.push(handler);
    return this;
  }

  /** The whole answer of /api/audience (at load and on every reconnection: pushes are not replayed). */
  load(answer) {
    this.platforms.clear();
    for (const p of answer?.platforms ?? []) {
      if (valid(p)) this.platforms.set(p.platform, p);
    }
    this.series = (answer?.series ?? []).filter((point) => Number.isFinite(time(point?.at)));
    this.changed();
  }

  /** One pushed reading ({platform, state, viewers, at, note}); an older one than the platform's newest is ignored. */
  reading(r) {
    if (!valid(r)) return;
    const known = this.platforms.get(r.platform);
    if (known && time(known.at) > time(r.at)) return;
    this.platforms.set(r.platform, r);
    const point = {at: r.at, total: this.total, byPlatform: this.byPlatform()};
    const last = this.series[this.series.length - 1];
    if (last && time(last.at) === time(r.at)) this.series[this.series.length - 1] = point;
    else if (!last || time(last.at) < time(r.at)) this.series.push(point);
    this.trim();
    this.changed();
  }

  /** The sum of the live figures; null when no platform is live. */
  get total() {
    let total = null;
    for (const p of this.platforms.values()) {
      if (p.state === 'live' && Number.isFinite(p.viewers)) total = (total ?? 0) + p.viewers;
    }
    return total;
  }

  /** The newest reading's time (ISO text), or null. */
  get at() {
    let newest = null;
    for (const p of this.platforms.values()) if (newest === null || time(p.at) > time(newest)) newest = p.at;
    return newest;
  }

  /** Every platform's newest reading, by name. */
  list() {
    return [...this.platforms.values()].sort((a, b) => a.platform.localeCompare(b.platform));
  }

  byPlatform() {
    const out = {};
    for (const p of this.list()) if (p.state === 'live' && Number.isFinite(p.viewers)) out[p.platform] = p.viewers;
    return out;
  }

  /** The hour up to the newest point; past MAX_POINTS, thinned evenly to three quarters of it (first and last kept). */
  trim() {
    const end = time(this.series[this.series.length - 1]?.at);
    this.series = this.series.filter((p) => time(p.at) >= end - HOUR_MS);
    if (this.series.length > MAX_POINTS) {
      const keep = Math.floor(MAX_POINTS * 0.75);
      const n = this.series.length;
      this.series = Array.from({length: keep}, (_, i) => this.series[Math.round((i * (n - 1)) / (keep - 1))]);
    }
  }

  changed() {
    for (const handler of this.handlers) handler(this);
  }
}

function valid(p) {
  return typeof p?.platform === 'string' && STATES.has(p.state) && Number.isFinite(time(p.at));
}
