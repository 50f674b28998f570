// The "national" scene (#national): the election added up over its states, from /api/national and its `national`
// pushes. One bar is the whole house: the big parties' seats won (solid) and leading (tinted) side by side, the rest as
// Others, against the majority line; beside it seats declared of the house, a row per party and who has crossed the
// majority. The national map (Lok Sabha 2024) is a StateMap on /api/national/maps, fed by main.js. Rows and bar
// segments are keyed and move by transform only; everything from the API goes in as text.

import {el, setText} from '/lib/dom.js';
import {keyed, setVar} from '/lib/keyed.js';
import {standings, tint} from './parties.js';

const TOP = 6;

export class NationalBoard {
  constructor(panel) {
    this.panel = panel;
    this.title = panel.querySelector('.national-title');
    this.count = panel.querySelector('.count');
    this.majority = panel.querySelector('.majority');
    this.bar = panel.querySelector('.bar .segments');
    this.mark = panel.querySelector('.bar .mark');
    this.rows = panel.querySelector('.rows');
    this.verdict = panel.querySelector('.verdict');
  }

  /** GET /api/national, or a `national` push: {"name","seats","majority","parties":[...],"states":[...]}. */
  show(national) {
    if (!national?.seats) return;
    const seats = national.seats;
    const total = seats.total || 1;
    const states = national.states?.length ?? 0;
    setText(this.title, states > 1 ? `National tally · ${states} states` : 'National tally');
    setText(this.count, `${seats.declared} / ${seats.total} declared`);
    setText(this.majority, `${national.majority} for majority`);
    setVar(this.mark, '--x', (national.majority / total).toFixed(4));
    setText(this.mark.querySelector('.need'), national.majority);
    const {parties, all} = standings(national, TOP);
    let x = 0;
    const segments = all.map((p) => {
      const at = x;
      x += p.total / total;
      return {p, at};
    });
    keyed(this.bar, segments, (s) => s.p.party, (s) => segment(s.p), (node, s) => fillSegment(node, s, total));
    keyed(this.rows, all, (p) => p.party, (p) => row(p), (node, p) => fillRow(node, p));
    const first = parties[0];
    const crossed = first && first.won >= national.majority ? 'won'
      : first && first.total >= national.majority ? 'ahead' : 'none';
    if (this.panel.dataset.crossed !== crossed) this.panel.dataset.crossed = crossed;
    setText(this.verdict, crossed === 'won' ? `${first.party} wins majority`
      : crossed === 'ahead' ? `${first.party} past majority`
        : seats.declared && seats.declared === seats.total ? 'no party has a majority'
          : first ? `${first.party} ${national.majority - first.total} short` : 'no majority yet');
    setVar(this.verdict, '--c', first && crossed !== 'none' ? first.color : '#8A93A0');
  }
}

function segment(p) {
  return el('span', {class: 'segment', dataset: {party: p.party}},
    el('span', {class: 'won'}), el('span', {class: 'lead'}));
}

function fillSegment(node, {p, at}, total) {
  setVar(node, '--c', p.color);
  setVar(node, '--t', tint(p.color));
  setVar(node, '--x', at.toFixed(4));
  setVar(node, '--won', (p.won / total).toFixed(4));
  setVar(node, '--lead', (p.leading / total).toFixed(4));
}

function row(p) {
  const f = {
    code: el('span', {class: 'code'}),
    name: el('span', {class: 'name'}),
    won: el('span', {class: 'won'}),
    leading: el('span', {class: 'leading'}),
    total: el('span', {class: 'total'}),
  };
  const node = el('div', {class: 'row party', dataset: {party: p.party}},
    el('span', {class: 'swatch'}), el('span', {class: 'who'}, f.code, f.name), f.won, f.leading, f.total);
  node.__fields = f;
  return node;
}

function fillRow(node, p) {
  const f = node.__fields;
  setVar(node, '--c', p.color);
  setText(f.code, p.party === 'OTHERS' ? 'Others' : p.party);
  setText(f.name, p.party === 'OTHERS' ? '' : p.name);
  setText(f.won, p.won);
  setText(f.leading, p.leading);
  setText(f.total, p.total);
}
