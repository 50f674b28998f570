// The notification panel: the latest declarations ("BJP gain from AITC"), lead changes and operator corrections,
// newest on top. Notes sit in fixed slots placed by a transform (translateY of the slot index): a new note slides in
// and the others slide down with transform/opacity transitions, no layout animation. Bursts (a reconnection replays
// what was missed) are gathered for a moment and only the newest few are drawn.

import {el} from '/lib/dom.js';
import {votes} from '/lib/format.js';
import {getJson} from '/lib/live.js';
import {setVar} from '/lib/keyed.js';
import {partyColour} from './palette.js';

export const MAX_NOTES = 5;
const TYPES = ['seat.declared', 'lead.flipped', 'seat.overridden'];
const GATHER_MS = 120;
const LEAVE_MS = 600;

export class Notes {
  /** @param site the state this overlay follows (see /lib/state.js): its notes are labelled with it on a day of several */
  constructor(list, seats, site = {code: null, several: false}) {
    this.list = list;
    this.seats = seats;
    this.site = site;
    this.shown = []; // {id, node}, newest first
    this.queue = [];
    this.seen = new Set();
    this.timer = null;
    this.backfilled = false;
  }

  add(event, animate = true) {
    if (!TYPES.includes(event?.type) || this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > 5000) this.seen = new Set([...this.seen].slice(-1000));
    this.queue.push({event, animate});
    if (this.timer === null) this.timer = setTimeout(() => this.render(), GATHER_MS);
  }

  /** Once per page: the latest notes from the event history, so a freshly loaded overlay is not empty. */
  async backfill() {
    if (this.backfilled) return;
    this.backfilled = true;
    try {
      let events;
      try {
        events = await getJson(`/api/events?after=0&type=${TYPES.join(',')}${this.ofState()}`);
      } catch {
        // an engine that knows no overrides
        events = await getJson(`/api/events?after=0&type=${TYPES.slice(0, 2).join(',')}${this.ofState()}`);
      }
      for (const event of events.slice(-MAX_NOTES)) this.add(event, false);
    } catch (e) {
      this.backfilled = false; // try again at the next connection
      console.warn('event history unavailable', e);
    }
  }

  /** Another state's notes from now on: the shown ones go, the latest of the new state come back from the history. */
  follow(site) {
    this.site = site;
    for (const {node} of this.shown) node.remove();
    this.shown = [];
    this.queue = [];
    this.seen = new Set();
    this.backfilled = false;
  }

  ofState() {
    return this.site.code ? `&state=${encodeURIComponent(this.site.code)}` : '';
  }

  render() {
    this.timer = null;
    const batch = this.queue.sort((a, b) => a.event.id - b.event.id).slice(-MAX_NOTES);
    this.queue = [];
    for (const {event, animate} of batch) {
      if (this.shown.length && event.id < this.shown[this.shown.length - 1].id && this.shown.length >= MAX_NOTES) {
        continue; // older than everything on screen
      }
      const node = note(event, this.seats, this.site.several ? this.site.name : null);
      if (animate) node.classList.add('enter');
      this.shown.push({id: event.id, node});
      this.list.append(node);
    }
    this.shown.sort((a, b) => b.id - a.id);
    const leaving = this.shown.splice(MAX_NOTES);
    for (const {node} of leaving) {
      node.classList.add('leave');
      setTimeout(() => node.remove(), LEAVE_MS);
    }
    this.shown.forEach(({node}, i) => setVar(node, '--i', i));
    const entering = this.shown.filter(({node}) => node.classList.contains('enter'));
    if (entering.length) {
      void this.list.offsetWidth; // commit the start state, so removing .enter transitions from it
      for (const {node} of entering) node.classList.remove('enter');
    }
  }
}

/** @param stateName the state's name on a day of several states (each note says where it is), else null */
function note(event, seats, stateName) {
  const {tag, headline, detail, party} = describe(event);
  const name = event.name ?? seats.name(event.seat);
  const where = [el('span', {class: 'tag'}, tag), el('span', {class: 'no'}, event.seat), el('span', {class: 'name'}, name)];
  if (stateName) where.push(el('span', {class: 'state'}, stateName));
  const node = el('div', {class: `note ${event.type.replace('.', '-')}`,
    dataset: {seat: event.seat, type: event.type, state: event.state ?? ''}},
    el('div', {class: 'stripe'}),
    el('div', {class: 'body'},
      el('div', {class: 'where'}, ...where),
      el('div', {class: 'headline'}, headline),
      el('div', {class: 'detail'}, detail)));
  if (event.type === 'seat.overridden') node.classList.add('corrected');
  setVar(node, '--c', party ? partyColour(party) : '#F2B233');
  return node;
}

function describe(event) {
  switch (event.type) {
    case 'seat.declared': {
      const winner = event.winner ?? {};
      const gain = event.result === 'gain';
      return {
        tag: gain ? 'Gain' : event.result === 'hold' ? 'Hold' : 'Win',
        headline: event.text || `${winner.party ?? ''} win`,
        detail: `${winner.candidate ?? ''}${by(event.margin, ' wins by ')}`,
        party: winner.party,
      };
    }
    case 'lead.flipped':
      return {
        tag: 'Lead',
        headline: event.from ? `${event.to} overtakes ${event.from}` : `${event.to} takes the lead`,
        detail: `${event.toCandidate ?? ''}${by(event.margin, ' ahead by ')}`,
        party: event.to,
      };
    default: {
      const leader = event.leader;
      const declared = event.status === 'declared';
      return {
        tag: 'Corrected',
        headline: declared && leader ? `${leader.party} win · declared by desk` : 'Figures corrected',
        detail: event.reason ?? '',
        party: null,
      };
    }
  }
}

function by(margin, words) {
  return margin === undefined || margin === null ? '' : `${words}${votes(margin)}`;
}
