// The event log, newest first: seeded from /api/events, then fed by the push channel. Events are kept in id order
// and never shown twice (a reconnection replays what was missed). By default only the key events show (flips,
// declarations, overrides); "show every change" adds seat.changed and tally.changed.

import {el, setText} from '/lib/dom.js';
import {getJson} from '/lib/live.js';
import {votes} from '/lib/format.js';
import {clockTime} from './time.js';

export const KEY_TYPES = ['lead.flipped', 'seat.declared', 'seat.overridden', 'override.released'];
const ALL_TYPES = [...KEY_TYPES, 'seat.changed', 'tally.changed'];
const KEEP_KEY = 400;
const KEEP_OTHER = 300;
const LABEL = {
  'seat.changed': 'count', 'lead.flipped': 'flip', 'seat.declared': 'declared', 'tally.changed': 'tally',
  'seat.overridden': 'override', 'override.released': 'released',
};

export class EventLog {
  /** @param seatName no -> the seat's name (events before issue 4 do not carry it) */
  constructor(list, seatName) {
    this.list = list;
    this.seatName = seatName;
    this.lastId = 0;
    this.counts = {key: 0, other: 0};
    const all = document.getElementById('events-all');
    all.addEventListener('change', () => {
      list.dataset.filter = all.checked ? 'all' : 'key';
    });
  }

  /**
   * The recent past: every key event of the night (few hundred at most) and the latest changes. lastEventId is the
   * store's newest id (from /api/health), so "the latest" needs no paging through the night.
   */
  async seed(lastEventId, state = null) {
    const recentFrom = Math.max(0, (lastEventId ?? 0) - KEEP_OTHER);
    const ofState = state ? `&state=${encodeURIComponent(state)}` : '';
    const [key, recent] = await Promise.allSettled([
      getJson(`/api/events?after=0&limit=100000&type=${KEY_TYPES.join(',')}${ofState}`),
      typeof lastEventId === 'number' ? getJson(`/api/events?after=${recentFrom}&limit=${KEEP_OTHER * 4}${ofState}`)
        : [],
    ]);
    if (recent.status === 'rejected') throw recent.reason;
    const byId = new Map();
    for (const e of [...(key.value ?? []).slice(-KEEP_KEY), ...recent.value]) byId.set(e.id, e);
    for (const e of [...byId.values()].sort((a, b) => a.id - b.id)) this.add(e, false);
    return this.lastId;
  }

  /** Types this log shows, for subscribing on the push channel. */
  static get types() {
    return ALL_TYPES;
  }

  add(event, fresh = true) {
    if (typeof event?.id !== 'number' || event.id <= this.lastId) return;
    this.lastId = event.id;
    const seat = event.seat ?? null;
    const name = event.name ?? (seat === null ? '' : this.seatName(seat) ?? '');
    const item = el('li', {class: fresh ? 'event fresh' : 'event',
      dataset: {type: event.type, seat: seat ?? undefined, id: event.id}},
    el('span', {class: 'time', title: event.at}, clockTime(event.at)),
    el('span', {class: 'type'}, LABEL[event.type] ?? event.type),
    el('span', {class: 'where'}, seat === null ? 'state' : el('b', {}, seat), seat === null ? '' : ` ${name}`),
    el('span', {class: 'text'}, ...describe(event)));
    this.list.prepend(item);
    this.trim(KEY_TYPES.includes(event.type) ? 'key' : 'other');
  }

  trim(kind) {
    this.counts[kind]++;
    const keep = kind === 'key' ? KEEP_KEY : KEEP_OTHER;
    if (this.counts[kind] <= keep) return;
    const items = this.list.children;
    for (let i = items.length - 1; i >= 0; i--) {
      if (KEY_TYPES.includes(items[i].dataset.type) === (kind === 'key')) {
        items[i].remove();
        this.counts[kind]--;
        return;
      }
    }
  }
}

/** The line for one event: text pieces and nodes (parties in bold). */
function describe(e) {
  const party = (p) => el('b', {class: 'party-code'}, p ?? '?');
  switch (e.type) {
    case 'seat.changed': {
      const a = e.after ?? {};
      const by = a.margin === null || a.margin === undefined ? 'unopposed' : `leads by ${votes(a.margin)}`;
      const lead = a.leader ? [party(a.leader.party), ` ${a.leader.candidate} ${by}`] : ['no lead'];
      return [...lead, a.roundsTotal ? ` · round ${a.roundsDone}/${a.roundsTotal}` : '', a.status === 'declared' ? ' · declared' : ''];
    }
    case 'lead.flipped':
      return [party(e.to), ' takes the lead from ', party(e.from), ` · ${e.toCandidate ?? ''} by ${votes(e.margin ?? 0)}`];
    case 'seat.declared': {
      // "BJP gain from CPM": the party in bold, then the rest of the sentence
      const code = e.winner?.party ?? '';
      const text = e.text ?? '';
      const rest = code && text.startsWith(`${code} `) ? text.slice(code.length) : ` ${text}`;
      // no margin: elected unopposed, no vote counted (Surat, 2024)
      const by = e.margin === null || e.margin === undefined ? 'unopposed' : `by ${votes(e.margin)}`;
      return [party(code), rest, ` · ${e.winner?.candidate ?? ''} ${by}`];
    }
    case 'tally.changed': {
      const parts = Object.entries(e.after ?? {}).map(([p, t]) => `${p} ${t.won}+${t.leading}`);
      return [parts.join(', ')];
    }
    case 'seat.overridden':
      return [`operator set ${e.status ?? ''}`,
        e.leader ? [' · ', party(e.leader.party), ` ${e.leader.candidate} ${votes(e.leader.votes)}`] : '',
        ` · reason: ${e.reason ?? ''}`];
    case 'override.released':
      return ['override released, scraped figures apply', e.reason ? ` · reason: ${e.reason}` : ''];
    default:
      return [e.text ?? ''];
  }
}
