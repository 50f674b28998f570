// The party tally board (#tally [data-party]) and the map's colour legend. One row per party, keyed: a new summary
// only rewrites the figures that changed; the seat bars move with a transform (scaleX), never a width.

import {el, setText} from '/lib/dom.js';
import {share} from '/lib/format.js';
import {keyed, setVar} from '/lib/keyed.js';
import {standings, change, tint} from './parties.js';

export class Tally {
  constructor(rows, legend) {
    this.rows = rows;
    this.legend = legend;
    this.totalSeats = 294;
  }

  show(summary) {
    this.totalSeats = summary?.seats?.total || this.totalSeats;
    const {all} = standings(summary, 5);
    keyed(this.rows, all, (p) => p.party, (p) => row(p), (node, p) => this.fill(node, p));
    keyed(this.legend, all, (p) => p.party, (p) => legendItem(p), fillLegend);
  }

  fill(node, p) {
    setVar(node, '--c', p.color);
    setVar(node, '--t', tint(p.color));
    const f = node.__fields;
    setText(f.code, p.party === 'OTHERS' ? 'Others' : p.party);
    setText(f.name, p.party === 'OTHERS' ? '' : p.name);
    setText(f.won, p.won);
    setText(f.leading, p.leading);
    setText(f.total, p.total);
    setText(f.share, share(p.voteShare));
    setText(f.change, change(p.change));
    const sign = p.change > 0 ? 'up' : p.change < 0 ? 'down' : 'none';
    if (f.change.dataset.sign !== sign) f.change.dataset.sign = sign;
    setVar(node, '--won', (p.won / this.totalSeats).toFixed(4));
    setVar(node, '--total', (p.total / this.totalSeats).toFixed(4));
  }
}

function row(p) {
  const f = {
    code: el('span', {class: 'code'}),
    name: el('span', {class: 'name'}),
    won: el('span', {class: 'won'}),
    leading: el('span', {class: 'leading'}),
    total: el('span', {class: 'total'}),
    share: el('span', {class: 'share'}),
    change: el('span', {class: 'change'}),
  };
  const node = el('div', {class: 'row party', dataset: {party: p.party}},
    el('span', {class: 'swatch'}),
    el('span', {class: 'id'}, f.code, f.name),
    f.won, f.leading, f.total, f.share, f.change,
    el('span', {class: 'bar'}, el('span', {class: 'lead'}), el('span', {class: 'win'})));
  node.__fields = f;
  return node;
}

function legendItem(p) {
  // data-key, not data-party: #tally [data-party] stays the one place a party's figures are
  const node = el('div', {class: 'key', dataset: {key: p.party}},
    el('span', {class: 'chip won'}), el('span', {class: 'chip lead'}),
    el('span', {class: 'code'}), el('span', {class: 'total'}));
  return node;
}

function fillLegend(node, p) {
  setVar(node, '--c', p.color);
  setVar(node, '--t', tint(p.color));
  setText(node.querySelector('.code'), p.party === 'OTHERS' ? 'Others' : p.party);
  setText(node.querySelector('.total'), p.total);
}
