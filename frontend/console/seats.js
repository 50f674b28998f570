// The seat table: every constituency from /api/constituencies, one row each, built once and then updated in place.
// Result events update a row at once from their own figures; the whole list is re-read shortly after (coalesced),
// which brings the runner-up and the override marker that events do not carry.

import {el, setText} from '/lib/dom.js';
import {getJson} from '/lib/live.js';
import {votes, colour} from '/lib/format.js';

const REFRESH_MS = 1500;

export class Seats {
  /** @param api where this state's results are: /api (one state) or /api/states/CODE */
  constructor(table, onSelect, api = '/api') {
    this.api = api;
    this.body = table.tBodies[0];
    this.onSelect = onSelect;
    this.seats = new Map();
    this.rows = new Map();
    this.colours = new Map();
    this.query = '';
    this.filter = 'all';
    this.refreshTimer = null;
    this.search = document.getElementById('seat-search');
    this.search.addEventListener('input', () => this.setQuery(this.search.value));
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.openFirstVisible();
      if (e.key === 'Escape') {
        this.search.value = '';
        this.setQuery('');
      }
    });
    for (const chip of document.querySelectorAll('#seat-filter [data-filter]')) {
      chip.addEventListener('click', () => this.setFilter(chip.dataset.filter));
    }
    this.body.addEventListener('keydown', (e) => {
      const row = e.target.closest('tr[data-seat]');
      if (row && e.key === 'Enter') this.onSelect(Number(row.dataset.seat));
    });
    this.body.addEventListener('click', (e) => {
      const row = e.target.closest('tr[data-seat]');
      if (row) this.onSelect(Number(row.dataset.seat));
    });
  }

  /** Party colours from /api/summary. */
  setColours(parties) {
    for (const p of parties ?? []) this.colours.set(p.party, colour(p.color));
    for (const [no, seat] of this.seats) this.render(no, seat, false);
  }

  async load() {
    const list = await getJson(`${this.api}/constituencies`);
    for (const seat of list) this.put(seat, false);
    this.applyFilter();
  }

  get(no) {
    return this.seats.get(no);
  }

  /** A seat's new figures from a result event (seat.changed's "after", seat.overridden's fields). */
  fromEvent(event) {
    const seat = this.seats.get(event.seat);
    if (!seat) return;
    if (event.type === 'seat.changed' && event.after) {
      const a = event.after;
      this.put({...seat, status: a.status ?? seat.status, leader: a.leader ?? seat.leader, margin: a.margin ?? seat.margin,
        rounds: {done: a.roundsDone ?? seat.rounds?.done, total: a.roundsTotal ?? seat.rounds?.total}}, true);
    } else if (event.type === 'seat.overridden') {
      this.put({...seat, status: event.status ?? seat.status, leader: event.leader ?? seat.leader,
        overridden: {id: event.overrideId, at: event.at, reason: event.reason}}, true);
    } else if (event.type === 'override.released') {
      this.put({...seat, overridden: null}, true);
    }
    this.scheduleRefresh();
  }

  /** Re-reads the whole list soon, once for any number of events in between. */
  scheduleRefresh() {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(async () => {
      try {
        const list = await getJson(`${this.api}/constituencies`);
        for (const seat of list) this.put(seat, false);
        this.applyFilter();
      } catch {
        // the next event or reconnection refreshes again
      } finally {
        this.refreshTimer = null;
      }
    }, REFRESH_MS);
  }

  put(seat, flash) {
    const old = this.seats.get(seat.no);
    this.seats.set(seat.no, seat);
    if (old && JSON.stringify(old) === JSON.stringify(seat)) return;
    this.render(seat.no, seat, flash && Boolean(old));
    if (flash) this.applyFilter();
  }

  render(no, seat, flash) {
    let row = this.rows.get(no);
    if (!row) {
      row = el('tr', {dataset: {seat: no}},
        el('td', {class: 'num no'}, no),
        el('td', {class: 'seat'}, el('span', {class: 'name'}), el('span', {class: 'district'})),
        el('td', {class: 'status'}, el('span', {class: 'badge'})),
        el('td', {class: 'num rounds'}),
        el('td', {class: 'leader'}),
        el('td', {class: 'party'}, el('span', {class: 'swatch'}), el('span', {class: 'code'})),
        el('td', {class: 'num margin'}),
        el('td', {class: 'past'}),
        el('td', {class: 'actions'}, el('span', {class: 'override-mark'})));
      row.tabIndex = 0; // keyboard: Tab to a row, Enter opens the dialog
      this.rows.set(no, row);
      this.insertRow(no, row);
    }
    const cells = row.cells;
    const leader = seat.leader ?? null;
    row.dataset.status = seat.status ?? 'awaiting';
    row.dataset.party = leader?.party ?? '';
    row.dataset.overridden = seat.overridden ? '1' : '0';
    row.classList.toggle('overridden', Boolean(seat.overridden));
    setText(cells[1].firstChild, seat.name);
    setText(cells[1].lastChild, seat.district);
    setText(cells[2].firstChild, seat.status ?? 'awaiting');
    setText(cells[3], seat.rounds?.total ? `${seat.rounds.done ?? 0}/${seat.rounds.total}` : '');
    setText(cells[4], leader?.candidate ?? '');
    cells[5].firstChild.style.background = leader ? this.colour(leader.party) : 'transparent';
    setText(cells[5].lastChild, leader?.party ?? '');
    setText(cells[6], seat.margin == null ? '' : votes(seat.margin));
    row.title = seat.runnerUp ? `runner-up: ${seat.runnerUp.candidate} (${seat.runnerUp.party})` : '';
    setText(cells[7], seat.past?.party ?? '');
    // amber: the seat is changing hands (or has changed, once declared)
    cells[7].classList.toggle('gain', Boolean(leader && seat.past && leader.party !== seat.past.party));
    const mark = cells[8].firstChild;
    setText(mark, seat.overridden ? 'OVERRIDDEN' : '');
    mark.title = seat.overridden ? `override #${seat.overridden.id ?? ''}: ${seat.overridden.reason ?? ''}` : '';
    row.dataset.search = [seat.no, seat.name, seat.district, leader?.candidate, leader?.party,
      seat.runnerUp?.candidate, seat.runnerUp?.party, seat.past?.party, seat.past?.candidate]
      .filter((x) => x !== undefined && x !== null).join('\u0001').toLowerCase();
    if (flash) {
      row.classList.remove('flash');
      void row.offsetWidth; // restart the highlight
      row.classList.add('flash');
    }
  }

  insertRow(no, row) {
    // rows stay in seat-number order whatever order they arrive in
    let next = null;
    for (const candidate of this.body.rows) {
      if (Number(candidate.dataset.seat) > no) {
        next = candidate;
        break;
      }
    }
    this.body.insertBefore(row, next);
  }

  colour(party) {
    return this.colours.get(party) ?? colour(null);
  }

  setQuery(query) {
    this.query = query.trim().toLowerCase();
    this.applyFilter();
  }

  setFilter(filter) {
    this.filter = filter;
    for (const chip of document.querySelectorAll('#seat-filter [data-filter]')) {
      chip.setAttribute('aria-pressed', String(chip.dataset.filter === filter));
    }
    this.applyFilter();
  }

  applyFilter() {
    const q = this.query;
    const number = /^\d+$/.test(q) ? q : null;
    let shown = 0;
    for (const [no, row] of this.rows) {
      const textOk = !q || (number ? String(no) === number : row.dataset.search.includes(q));
      const filterOk = this.filter === 'all' || (this.filter === 'overridden' ? row.dataset.overridden === '1'
        : row.dataset.status === this.filter);
      const visible = textOk && filterOk;
      if (row.hidden === visible) row.hidden = !visible;
      if (visible) shown++;
    }
    setText(document.getElementById('seat-count'), `${shown} of ${this.rows.size} seats`);
  }

  openFirstVisible() {
    const row = [...this.rows.values()].find((r) => !r.hidden);
    if (row) this.onSelect(Number(row.dataset.seat));
  }
}
