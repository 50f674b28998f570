// The constituency leads ticker: one item per seat, in seat order, on a strip that a CSS animation slides left
// (transform only: the compositor moves it, no script runs per frame). Items have a fixed width, so a margin that
// grows a digit never shifts the rest of the strip; a seat's update rewrites only that item's changed text.

import {el, setText} from '/lib/dom.js';
import {votes} from '/lib/format.js';
import {keyed, setClass, setVar} from '/lib/keyed.js';
import {partyColour} from './palette.js';

export const ITEM_WIDTH = 560; // px at 1080p; the CSS reads it from --item
// The strip moves in whole screen pixels once per output frame (30 a second), as a broadcast crawl does: the text
// stays sharp, every other compositor frame has nothing to draw, and the encoder finds each frame's exact motion.
// 4 px a frame at 1080p (120 px/s, readable at broadcast distance); 3 px at 720p, where the stage is scaled by 2/3.
const FRAMES_PER_SECOND = 30;
const stagePxPerFrame = () => (document.body.dataset.size === '720' ? 4.5 : 4); // read once the size is set

export class Ticker {
  constructor(strip) {
    this.strip = strip;
    this.count = 0;
    this.nodes = new Map();
    setVar(strip, '--item', `${ITEM_WIDTH}px`);
  }

  show(seats) {
    this.nodes = keyed(this.strip, seats, (s) => s.no, item, fill);
    if (seats.length !== this.count) {
      this.count = seats.length;
      const steps = Math.max(1, Math.round((this.count * ITEM_WIDTH) / stagePxPerFrame()));
      setVar(this.strip, '--steps', String(steps));
      setVar(this.strip, '--duration', `${(steps / FRAMES_PER_SECOND).toFixed(3)}s`);
    }
  }

  update(seat) {
    const node = this.nodes.get(String(seat.no));
    if (node) fill(node, seat);
  }

  /** After party colours changed (they come with the summary, which may land after the seats). */
  recolour() {
    for (const node of this.nodes.values()) {
      if (node.__party) setVar(node, '--c', partyColour(node.__party));
    }
  }
}

function item(seat) {
  const f = {
    no: el('span', {class: 'no'}),
    name: el('span', {class: 'name'}),
    flag: el('span', {class: 'flag'}),
    rounds: el('span', {class: 'rounds'}),
    party: el('span', {class: 'chip'}),
    candidate: el('span', {class: 'candidate'}),
    margin: el('span', {class: 'margin'}),
  };
  const node = el('div', {class: 'item', dataset: {seat: seat.no}},
    el('div', {class: 'line1'}, f.no, f.name, f.flag, f.rounds),
    el('div', {class: 'line2'}, f.party, f.candidate, f.margin));
  node.__fields = f;
  return node;
}

function fill(node, seat) {
  const f = node.__fields;
  const leader = seat.leader;
  const declared = seat.status === 'declared';
  setText(f.no, seat.no);
  setText(f.name, seat.name);
  setText(f.flag, seat.overridden ? 'Corrected' : '');
  setClass(node, 'overridden', seat.overridden);
  setClass(node, 'declared', declared);
  setClass(node, 'awaiting', !leader);
  const rounds = seat.rounds ?? {};
  setText(f.rounds, declared ? 'Result' : rounds.total ? `Round ${rounds.done ?? 0}/${rounds.total}` : '');
  setText(f.party, leader?.party ?? '');
  setText(f.candidate, leader ? leader.candidate : 'Counting yet to begin');
  const margin = seat.margin === null || seat.margin === undefined ? '' : votes(seat.margin);
  setText(f.margin, leader && margin ? `${declared ? 'won by' : 'leads by'} ${margin}` : '');
  node.__party = leader?.party ?? null;
  if (node.__party) setVar(node, '--c', partyColour(node.__party));
}
