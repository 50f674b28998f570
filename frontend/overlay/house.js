// The majority hemicycle: 294 dots in a semicircle, coloured left to right by party in the order of the tally (each
// party's won seats solid, then its leads lighter and outlined), seats with no leader yet grey; a line at the majority
// (the centre: 148 of 294). Under it the projected seats (won + leading) of the two largest parties and who is past
// the majority. The dots are built once; a new summary touches only dots whose party or kind changed.

import {setText} from '/lib/dom.js';
import {setAttr, setClass, setVar} from '/lib/keyed.js';
import {standings} from './parties.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 600;
const H = 312;
const CX = W / 2;
const CY = H - 8;
const OUTER = 292;
const INNER = 112;
const ROWS = 10;

/** Dot centres for n seats, ordered left to right (by angle), so a party's seats form a wedge. */
export function layout(n) {
  const step = (OUTER - INNER) / (ROWS - 1);
  const radii = Array.from({length: ROWS}, (_, i) => INNER + i * step);
  const sum = radii.reduce((a, b) => a + b, 0);
  const counts = radii.map((r) => Math.floor((n * r) / sum));
  // hand the seats lost to rounding down to the outer rows (they have the most room)
  for (let i = ROWS - 1, left = n - counts.reduce((a, b) => a + b, 0); left > 0; i = (i - 1 + ROWS) % ROWS, left--) {
    counts[i]++;
  }
  const dots = [];
  radii.forEach((r, row) => {
    const k = counts[row];
    for (let j = 0; j < k; j++) {
      const angle = k === 1 ? Math.PI / 2 : Math.PI * (1 - j / (k - 1));
      dots.push({angle, row, x: CX + r * Math.cos(angle), y: CY - r * Math.sin(angle)});
    }
  });
  dots.sort((a, b) => b.angle - a.angle || a.row - b.row);
  const size = Math.min(step, (Math.PI * OUTER) / counts[ROWS - 1]) * 0.42;
  return {dots, size};
}

export class House {
  constructor(section) {
    this.host = section.querySelector('#hemicycle');
    this.first = section.querySelector('#projection .first');
    this.second = section.querySelector('#projection .second');
    this.need = section.querySelector('.majority-label .need');
    this.verdict = section.querySelector('#verdict');
    this.slate = document.querySelector('#slate .slate-leaders');
    this.circles = [];
    this.total = 0;
  }

  build(total) {
    this.total = total;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('class', 'hemicycle');
    const {dots, size} = layout(total);
    this.circles = dots.map((d) => {
      const c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', d.x.toFixed(1));
      c.setAttribute('cy', d.y.toFixed(1));
      c.setAttribute('r', size.toFixed(1));
      c.setAttribute('class', 'dot');
      svg.append(c);
      return c;
    });
    const line = document.createElementNS(SVG, 'line');
    line.setAttribute('class', 'majority');
    line.setAttribute('x1', CX);
    line.setAttribute('x2', CX);
    line.setAttribute('y1', CY - INNER + 4);
    line.setAttribute('y2', CY - OUTER - 14);
    svg.append(line);
    this.host.replaceChildren(svg);
  }

  show(summary) {
    const total = summary?.seats?.total ?? 0;
    if (!total) return;
    if (total !== this.total) this.build(total);
    const majority = summary.majority ?? Math.floor(total / 2) + 1;
    const {parties} = standings(summary, 0);
    let i = 0;
    for (const p of parties) {
      for (let k = 0; k < p.won && i < total; k++) this.paint(this.circles[i++], p.color, 'won');
      for (let k = 0; k < p.leading && i < total; k++) this.paint(this.circles[i++], p.color, 'lead');
    }
    while (i < total) this.paint(this.circles[i++], null, 'none');

    const [a, b] = parties;
    setText(this.need, majority);
    this.side(this.first, a);
    this.side(this.second, b);
    setText(this.verdict, verdict(a, majority, summary.seats));
    this.slateSide(this.slate.querySelector('.a'), a);
    this.slateSide(this.slate.querySelector('.b'), b);
    setClass(this.verdict, 'past', a && a.total >= majority);
    setClass(this.verdict, 'won', a && a.won >= majority);
    if (a) setVar(this.verdict, '--c', a.color);
  }

  slateSide(node, p) {
    setText(node, p && p.total > 0 ? `${p.party} ${p.total}` : '');
    if (p) setVar(node, '--c', p.color);
  }

  paint(circle, color, kind) {
    if (color) setVar(circle, '--c', color);
    setAttr(circle, 'class', `dot ${kind}`);
  }

  side(node, p) {
    setText(node.querySelector('.party'), p && p.total > 0 ? p.party : '');
    setText(node.querySelector('.seats'), p && p.total > 0 ? p.total : '');
    if (p) setVar(node, '--c', p.color);
  }
}

function verdict(top, majority, seats) {
  if (!top || top.total === 0) return seats?.declared ? '' : 'Counting yet to begin';
  if (top.won >= majority) return `${top.party} wins majority`;
  if (top.total >= majority) return `${top.party} past majority`;
  return 'No majority yet';
}
