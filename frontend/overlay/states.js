// The "states" scene (#states): every state of the day side by side, from /api/election. Per state: its name, seats
// declared of its total, the majority mark, the leading parties (won, leading, total, against last time) and who has
// crossed the majority ("BJP wins" once its won seats reach it, "BJP ahead" while won + leading do). Columns and rows
// are keyed: a new answer only rewrites the figures that changed. Everything from the API goes in as text.

import {el, setText} from '/lib/dom.js';
import {keyed, setVar} from '/lib/keyed.js';
import {standings, change, tint} from './parties.js';

const TOP = 4;

export class StatesBoard {
  constructor(columns) {
    this.columns = columns;
  }

  /** GET /api/election: {"name","states":[summary + {"state","name"}]}. */
  show(election) {
    const states = election?.states ?? [];
    keyed(this.columns, states, (s) => s.state, (s) => column(s), (node, s) => fill(node, s));
  }
}

function column(s) {
  const f = {
    name: el('span', {class: 'name'}),
    count: el('span', {class: 'count'}),
    majority: el('span', {class: 'majority'}),
    verdict: el('div', {class: 'verdict'}),
    rows: el('div', {class: 'rows'}),
  };
  const node = el('div', {class: 'state', dataset: {state: s.state}},
    el('div', {class: 'state-head'}, f.name),
    el('div', {class: 'state-sub'}, f.count, f.majority),
    el('div', {class: 'row head'}, el('span', {class: 'code'}, 'Party'), el('span', {class: 'won'}, 'Won'),
      el('span', {class: 'leading'}, 'Lead'), el('span', {class: 'total'}, 'Total'),
      el('span', {class: 'change'}, '+/−')),
    f.rows, f.verdict);
  node.__fields = f;
  return node;
}

function fill(node, s) {
  const f = node.__fields;
  const seats = s.seats ?? {};
  setText(f.name, s.name ?? s.state);
  setText(f.count, `${seats.declared ?? 0} / ${seats.total ?? 0} declared`);
  setText(f.majority, `majority ${s.majority ?? ''}`);
  const {all, parties} = standings(s, TOP);
  keyed(f.rows, all, (p) => p.party, (p) => row(p), (r, p) => fillRow(r, p, seats.total || 1));
  const first = parties[0];
  const crossed = first && first.won >= s.majority ? 'won' : first && first.total >= s.majority ? 'ahead' : 'none';
  if (node.dataset.crossed !== crossed) node.dataset.crossed = crossed;
  setText(f.verdict, crossed === 'won' ? `${first.party} wins majority`
    : crossed === 'ahead' ? `${first.party} past majority`
      : seats.declared && seats.declared === seats.total ? 'no party has a majority' : 'no majority yet');
  setVar(f.verdict, '--c', first && crossed !== 'none' ? first.color : '#8A93A0');
}

function row(p) {
  const f = {
    code: el('span', {class: 'code'}),
    won: el('span', {class: 'won'}),
    leading: el('span', {class: 'leading'}),
    total: el('span', {class: 'total'}),
    change: el('span', {class: 'change'}),
  };
  const node = el('div', {class: 'row party', dataset: {party: p.party}},
    el('span', {class: 'swatch'}), f.code, f.won, f.leading, f.total, f.change,
    el('span', {class: 'bar'}, el('span', {class: 'win'})));
  node.__fields = f;
  return node;
}

function fillRow(node, p, totalSeats) {
  const f = node.__fields;
  setVar(node, '--c', p.color);
  setVar(node, '--t', tint(p.color));
  setText(f.code, p.party === 'OTHERS' ? 'Others' : p.party);
  setText(f.won, p.won);
  setText(f.leading, p.leading);
  setText(f.total, p.total);
  setText(f.change, change(p.change));
  const sign = p.change > 0 ? 'up' : p.change < 0 ? 'down' : 'none';
  if (f.change.dataset.sign !== sign) f.change.dataset.sign = sign;
  setVar(node, '--total', (p.total / totalSeats).toFixed(4));
}
