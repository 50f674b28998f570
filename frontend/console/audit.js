// The override audit trail (/api/operator/overrides, newest first): who changed which seat, to what, and why; released
// overrides stay listed with their release reason. Re-read after every override event.

import {el, setText, replaceChildren} from '/lib/dom.js';
import {votes} from '/lib/format.js';
import {clockTime} from './time.js';

export class Audit {
  constructor(operator, seatName) {
    this.operator = operator;
    this.seatName = seatName;
    this.list = document.getElementById('audit');
    this.pending = null;
  }

  async load() {
    const message = document.getElementById('audit-message');
    if (!this.operator.token()) return; // read-only: an override made elsewhere must not pop the token dialog up
    try {
      const answer = await this.operator.call('GET', '/api/operator/overrides');
      const entries = Array.isArray(answer) ? answer : answer?.overrides ?? [];
      this.render(entries);
      setText(message, '');
    } catch (e) {
      setText(message, e.status === 401 ? 'Enter the operator token to see the audit trail.' : e.message);
    }
  }

  /** Coalesces a burst of override events into one read. */
  refresh() {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.load();
    }, 300);
  }

  render(entries) {
    setText(document.getElementById('audit-count'), entries.length ? `${entries.length}` : '');
    if (!entries.length) {
      replaceChildren(this.list, el('li', {class: 'empty muted'}, 'No overrides tonight.'));
      return;
    }
    replaceChildren(this.list, entries.map((o) => {
      // a row: {"id","seat","name","at","reason","status","before","after","active","releasedAt","releaseReason"}
      const released = o.active === false || Boolean(o.releasedAt);
      const leader = topCandidate(o.after?.candidates);
      const change = o.before?.status && o.before.status !== (o.after?.status ?? o.status)
        ? `${o.before.status} → ${o.after?.status ?? o.status}` : (o.after?.status ?? o.status);
      return el('li', {class: released ? 'entry released' : 'entry active', dataset: {seat: o.seat, override: o.id}},
        el('div', {class: 'line'},
          el('span', {class: 'time'}, clockTime(o.at)),
          el('b', {}, o.seat ?? ''), el('span', {class: 'name'}, ` ${o.name ?? this.seatName(o.seat) ?? ''}`),
          el('span', {class: 'state'}, released ? 'released' : 'active')),
        el('div', {class: 'detail'}, [change, leader ? `${leader.party} ${leader.candidate} ${votes(leader.votes)}` : null]
          .filter(Boolean).join(' · ')),
        el('div', {class: 'reason'}, o.reason ?? ''),
        released ? el('div', {class: 'reason release'},
          `released ${clockTime(o.releasedAt)}${o.releaseReason ? `: ${o.releaseReason}` : ''}`) : null);
    }));
  }
}

function topCandidate(candidates) {
  if (!Array.isArray(candidates) || !candidates.length) return null;
  return [...candidates].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0))[0];
}
