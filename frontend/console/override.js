// The override dialog: a seat's current figures (from /api/constituencies/{no}), the status and each candidate's votes
// editable, a required reason. Apply posts the override; Release deletes it (scraped figures apply again). What the
// server refuses is shown exactly as it said it.

import {el, setText, replaceChildren} from '/lib/dom.js';
import {getJson} from '/lib/live.js';
import {votes} from '/lib/format.js';
import {clockTime} from './time.js';

export class OverrideDialog {
  /**
   * @param operator the Operator (authorised calls)
   * @param colourOf party -> CSS colour
   * @param onDone   called after an override was applied or released
   */
  /** @param site the state the console follows (see /lib/state.js) */
  constructor(operator, colourOf, onDone, site = {code: null, api: '/api'}) {
    this.site = site;
    this.operator = operator;
    this.colourOf = colourOf;
    this.onDone = onDone;
    this.dialog = document.getElementById('override-dialog');
    this.form = document.getElementById('override-form');
    this.form.noValidate = true; // our own messages, in the page, not the browser's bubbles
    this.error = document.getElementById('override-error');
    this.reason = document.getElementById('override-reason');
    this.release = document.getElementById('override-release');
    this.submitButton = document.getElementById('override-submit');
    this.candidates = [];
    this.seat = null;
    this.form.addEventListener('submit', (e) => this.apply(e));
    this.form.addEventListener('input', () => this.summarise());
    this.form.addEventListener('change', (e) => {
      // declaring means the count is over: rounds done = rounds total, unless the operator says otherwise after
      const f = this.form.elements;
      if (e.target.name === 'status' && e.target.value === 'declared' && f.roundsTotal.value !== '') {
        f.roundsDone.value = f.roundsTotal.value;
      }
    });
    this.release.addEventListener('click', () => this.releaseOverride());
    document.getElementById('override-cancel').addEventListener('click', () => this.dialog.close());
  }

  async open(no) {
    let seat;
    try {
      seat = await getJson(`${this.site.api}/constituencies/${encodeURIComponent(no)}`);
    } catch (e) {
      this.show({no, name: '', district: '', candidates: []});
      setText(this.error, e.message);
      return;
    }
    this.show(seat);
  }

  show(seat) {
    this.seat = seat;
    this.dialog.dataset.seat = seat.no;
    setText(document.getElementById('override-seat-no'), seat.no);
    setText(document.getElementById('override-seat-name'), seat.name);
    setText(document.getElementById('override-seat-district'), seat.district);
    const current = document.getElementById('override-current');
    current.hidden = !seat.overridden;
    setText(current, seat.overridden
      ? `OVERRIDDEN since ${clockTime(seat.overridden.at)}: ${seat.overridden.reason ?? ''}` : '');
    this.release.hidden = !seat.overridden;
    const status = seat.status === 'declared' ? 'declared' : 'counting';
    for (const radio of this.form.elements.status) radio.checked = radio.value === status;
    this.form.elements.roundsDone.value = seat.rounds?.done ?? '';
    this.form.elements.roundsTotal.value = seat.rounds?.total ?? '';
    this.candidates = (seat.candidates ?? []).filter((c) => c.candidate !== undefined);
    replaceChildren(this.form.querySelector('#override-candidates tbody'), this.candidates.map((c, i) =>
      el('tr', {dataset: {candidate: i, party: c.party}},
        el('td', {class: 'candidate'}, c.candidate),
        el('td', {class: 'party'}, el('span', {class: 'swatch', style: {background: this.colourOf(c.party)}}), c.party),
        el('td', {class: 'num scraped'}, votes(c.votes)),
        el('td', {class: 'num'}, el('input', {type: 'number', min: 0, step: 1, name: `votes-${i}`,
          value: c.votes ?? 0, 'aria-label': `votes for ${c.candidate}`})))));
    if (this.candidates.length === 0) {
      this.form.querySelector('#override-candidates tbody').append(
        el('tr', {}, el('td', {colspan: 4, class: 'muted'}, 'No figures scraped for this seat yet.')));
    }
    this.reason.value = '';
    setText(this.error, '');
    this.summarise();
    this.submitButton.disabled = false;
    if (!this.dialog.open) this.dialog.showModal();
    this.reason.focus();
  }

  /** What goes on air if applied: the leader and margin from the edited votes; edited cells marked. */
  summarise() {
    const f = this.form.elements;
    const edited = this.candidates.map((c, i) => {
      const input = f[`votes-${i}`];
      const votesNow = input.value.trim() === '' ? null : Number(input.value);
      input.classList.toggle('edited', votesNow !== (c.votes ?? 0));
      return {...c, votes: votesNow};
    });
    const changed = edited.filter((c, i) => c.votes !== (this.candidates[i].votes ?? 0)).length;
    const ranked = edited.filter((c) => Number.isFinite(c.votes)).sort((a, b) => b.votes - a.votes);
    const status = f.status.value || 'counting';
    const summary = document.getElementById('override-summary');
    if (!ranked.length) {
      setText(summary, `On air: ${status}, no figures.`);
      return;
    }
    const margin = ranked.length > 1 ? ranked[0].votes - ranked[1].votes : ranked[0].votes;
    replaceChildren(summary, 'On air: ', el('b', {}, status), ' · ',
      el('span', {class: 'swatch', style: {background: this.colourOf(ranked[0].party)}}), ' ',
      el('b', {}, ranked[0].party), ` ${ranked[0].candidate} ${status === 'declared' ? 'wins' : 'leads'} by ${votes(margin)}`,
      changed ? el('span', {class: 'changed'}, ` · ${changed} figure${changed > 1 ? 's' : ''} corrected`) : '');
  }

  body() {
    const reason = this.reason.value.trim();
    if (!reason) throw new Error('A reason is required: it goes to the audit trail.');
    const f = this.form.elements;
    const body = {reason, status: f.status.value || 'counting'};
    if (this.candidates.length) {
      body.candidates = this.candidates.map((c, i) => {
        const text = f[`votes-${i}`].value.trim();
        return {candidate: c.candidate, party: c.party, votes: text === '' ? null : Number(text)};
      });
    }
    if (f.roundsDone.value !== '' && f.roundsTotal.value !== '') {
      body.rounds = {done: Number(f.roundsDone.value), total: Number(f.roundsTotal.value)};
    }
    return body;
  }

  async apply(e) {
    e.preventDefault();
    let body;
    try {
      body = this.body();
    } catch (err) {
      setText(this.error, err.message);
      return;
    }
    await this.send('POST', body, 'override applied');
  }

  async releaseOverride() {
    const reason = this.reason.value.trim();
    if (!reason) {
      setText(this.error, 'A reason is required to release the override too.');
      this.reason.focus();
      return;
    }
    await this.send('DELETE', {reason}, 'override released');
  }

  async send(method, body, done) {
    const no = this.seat?.no;
    setText(this.error, '');
    this.submitButton.disabled = true;
    this.release.disabled = true;
    try {
      const path = this.site.code ? `/api/operator/states/${encodeURIComponent(this.site.code)}/seats` : '/api/operator/seats';
      const answer = await this.operator.call(method, `${path}/${encodeURIComponent(no)}/override`, body);
      this.dialog.close();
      this.onDone?.(no, done, answer);
    } catch (err) {
      setText(this.error, err.message); // verbatim: the server's {"error": ...}
    } finally {
      this.submitButton.disabled = false;
      this.release.disabled = false;
    }
  }
}
