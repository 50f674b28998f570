// The health wall: one card per part from /api/health, then kept current by the `health` pushes (one part's report
// each). Ages (data age, last success) tick once a second from the server's clock, so a stalled scraper shows its data
// growing old even when nothing is pushed.

import {el, setText} from '/lib/dom.js';
import {votes} from '/lib/format.js';
import {ago, duration, clockTime} from './time.js';

const RANK = {ok: 0, stopped: 0, starting: 1, degraded: 2, down: 3};
/** Data older than this is worth a glance (amber), older than STALE_DOWN is a problem (red). */
const STALE_WARN = 30;
const STALE_DOWN = 120;

export class Health {
  /** @param state the state this console follows: of the per-state parts only its cards show (all count overall) */
  constructor(root, state = null) {
    this.root = root;
    this.state = state;
    this.parts = new Map();
    this.offsetMs = 0; // server clock minus ours
    this.pauseHandlers = [];
    this.streamHandler = null;
    this.overall = document.getElementById('overall');
    setInterval(() => this.tick(), 1000);
  }

  /** handler(paused) whenever the scraper's paused flag is reported. */
  onScraperPaused(handler) {
    this.pauseHandlers.push(handler);
    return this;
  }

  /**
   * handler(channel, action) for a stream card's start and stop (channel null: the first channel's card); it answers
   * the text to show on the card.
   */
  onStreamAction(handler) {
    this.streamHandler = handler;
    return this;
  }

  /** The whole board, as GET /api/health answers (200 or 503). */
  board(json) {
    if (json?.time) this.offsetMs = Date.parse(json.time) - Date.now();
    for (const [part, report] of Object.entries(json?.parts ?? {})) this.report({...report, part});
  }

  /** One part's report, as pushed on /api/live. */
  report(report) {
    if (!report?.part) return;
    this.parts.set(report.part, report);
    const card = this.card(report.part);
    card.dataset.status = report.status ?? 'starting';
    setText(card.querySelector('.status'), (report.status ?? '?').toUpperCase());
    this.fill(card, report);
    this.updateOverall();
  }

  card(part) {
    let card = this.root.querySelector(`[data-part="${CSS.escape(part)}"]`);
    const perState = /^(\w+) ([SU]\d\d)$/.exec(part);
    const base = perState && this.root.querySelector(`[data-part="${CSS.escape(perState[1])}"]`);
    if (!card && base) {
      // a part of one state of several ("scraper S03"): a card like the part's own, its own figures
      card = base.cloneNode(true);
      card.dataset.part = part;
      setText(card.querySelector('h2'), `${base.querySelector('h2').textContent} ${perState[2]}`);
      base.after(card);
      if (!this.parts.has(perState[1])) base.hidden = true; // the election has states: no report of its own comes
      // another state's card stays out of sight: its trouble still shows in the overall status at the top
      card.hidden = this.state !== null && perState[2] !== this.state;
    }
    const channel = /^stream (.+)$/.exec(part);
    const streams = channel && this.root.querySelectorAll('[data-part^="stream"]');
    if (!card && channel && streams.length) {
      // another stream channel ("stream second"): a card like the first channel's, its own figures, still and buttons
      const first = this.root.querySelector('[data-part="stream"]');
      card = first.cloneNode(true);
      card.dataset.part = part;
      card.querySelector('.stream-extra')?.remove();
      setText(card.querySelector('h2'), `Stream ${channel[1]}`);
      streams[streams.length - 1].after(card);
    }
    if (!card) {
      // a part this page does not know yet: shown with its raw details, so nothing reported goes unseen
      card = el('article', {class: 'part', dataset: {part, status: 'starting'}},
        el('header', {}, el('h2', {}, part), el('span', {class: 'pill status'})),
        el('dl', {class: 'facts'}, el('dt', {}, 'last success'), el('dd', {dataset: {field: 'lastSuccess'}})),
        el('p', {class: 'error', dataset: {field: 'lastError'}}));
      this.root.append(card);
    }
    return card;
  }

  fill(card, r) {
    const d = r.details ?? {};
    const field = (name, value) => {
      const node = card.querySelector(`[data-field="${name}"]`);
      if (node) setText(node, value);
    };
    field('lastError', r.lastError ? `${r.lastErrorAt ? clockTime(r.lastErrorAt) + '  ' : ''}${r.lastError}` : '');
    const error = card.querySelector('[data-field="lastError"]');
    if (error) error.title = r.lastError ?? ''; // the whole message on hover; the card shows one line
    switch (r.part.split(' ')[0]) {
      case 'scraper':
        field('state', d.paused ? 'PAUSED by operator' : r.status === 'down' ? 'failing' : 'polling');
        field('cycles', votes(d.cycles));
        field('failures', d.consecutiveFailures ? `${d.consecutiveFailures} in a row` : 'none');
        field('staleSeats', staleSeats(d));
        card.querySelector('[data-field="staleSeats"]')?.setAttribute('title', staleSeats(d)); // the whole list on hover
        card.dataset.stale = d.staleSeats > 0 ? '1' : '0';
        card.dataset.paused = d.paused ? '1' : '0';
        for (const handler of this.pauseHandlers) handler(Boolean(d.paused));
        break;
      case 'store':
        field('lastCommit', d.lastCommitMs == null ? '–' : `${d.lastCommitMs} ms`);
        field('snapshots', votes(d.snapshots));
        field('events', votes(d.events));
        field('rejections', votes(d.rejections ?? 0));
        break;
      case 'maps':
        field('publishMs', d.lastPublishMs == null ? '–' : `${Number(d.lastPublishMs).toFixed(1)} ms`);
        field('version', d.version ?? '–');
        field('publishes', votes(d.publishes));
        field('maps', d.maps ?? '–');
        break;
      case 'stream':
        field('state', d.state ?? 'off');
        field('fps', d.fps == null ? '–' : Number(d.fps).toFixed(d.fps % 1 ? 1 : 0));
        field('bitrate', bitrate(d.bitrate));
        field('dropped', votes(d.dropped ?? 0));
        field('repeated', votes(d.repeated ?? 0));
        field('reconnects', votes(d.reconnects ?? 0));
        field('uptime', d.uptimeSeconds ? duration(d.uptimeSeconds) : '–');
        // how long the picture on air has not changed: the overlay's clock moves, so seconds here mean a frozen page
        field('pictureAge', d.pictureAgeSeconds == null ? '–' : `${Math.round(d.pictureAgeSeconds)} s`);
        field('recent', d.recentDropped == null ? '–'
          : `${votes(d.recentDropped)} dropped · ${votes(d.recentRepeated ?? 0)} repeated in ${d.recentWindowSeconds ?? 10} s`);
        card.dataset.frames = (d.recentDropped ?? d.dropped ?? 0) > 0 || (d.recentRepeated ?? d.repeated ?? 0) > 0
          ? 'loss' : 'clean';
        this.streamExtra(card, r, d);
        break;
      default:
        break;
    }
    this.tickCard(card, r);
  }

  /**
   * The encoder's note when it has one, each destination on a line of its own, a still of what is on air (refreshed
   * with every report) and the channel's start and stop. The first channel's card ("stream") uses the routes of the
   * one stream; another's ("stream NAME") its own.
   */
  streamExtra(card, r, d) {
    const channel = r.part === 'stream' ? null : r.part.slice('stream '.length);
    let extra = card.querySelector('.stream-extra');
    if (!extra) {
      const message = el('p', {class: 'message', dataset: {field: 'streamMessage'}, role: 'status'});
      const act = (action) => async () => {
        if (!this.streamHandler) return;
        setText(message, action === 'start' ? 'Starting…' : 'Stopping…');
        setText(message, await this.streamHandler(channel, action));
      };
      extra = el('div', {class: 'stream-extra'},
          el('p', {class: 'encoder-note', dataset: {field: 'encoderNote'}, hidden: true}),
          el('ul', {class: 'destinations'}),
          el('img', {class: 'preview', id: channel === null ? 'stream-preview' : null, alt: 'on air now', hidden: true}),
          el('div', {class: 'buttons channel-buttons'},
              el('button', {type: 'button', class: 'start-channel', onclick: act('start')}, 'Start'),
              el('button', {type: 'button', class: 'danger stop-channel', onclick: act('stop')}, 'Stop')),
          message);
      card.append(extra);
    }
    if (channel === null && d.channel && d.channel !== 'main') setText(card.querySelector('h2'), `Stream ${d.channel}`);
    // "encoder under load: preset superfast since 21:04": the encoder's own word on how it keeps its clock
    const note = extra.querySelector('.encoder-note');
    const noteText = typeof d.encoder?.note === 'string' ? d.encoder.note : '';
    setText(note, noteText);
    note.hidden = noteText === '';
    extra.querySelector('.destinations').replaceChildren(...(d.destinations ?? []).map((x) =>
      el('li', {class: 'destination', dataset: {state: x.state ?? ''}},
          `${x.target ?? ''} · ${x.state ?? ''} · ${x.fps ?? 0} fps · ${bitrate(x.bitrate)} · `
          + `${x.reconnects ?? 0} reconnects · up ${x.uptimeSeconds ? duration(x.uptimeSeconds) : '–'}`)));
    const img = extra.querySelector('img.preview');
    const onAir = r.status === 'ok' || r.status === 'degraded';
    img.hidden = !onAir;
    const still = channel === null ? '/api/stream/preview.jpg'
      : `/api/streams/${encodeURIComponent(channel)}/preview.jpg`;
    if (onAir) img.src = `${still}?at=${Date.now()}`;
  }

  tick() {
    for (const [part, report] of this.parts) this.tickCard(this.card(part), report);
  }

  tickCard(card, r) {
    const now = Date.now() + this.offsetMs;
    const success = card.querySelector('[data-field="lastSuccess"]');
    if (success) setText(success, r.lastSuccess ? `${clockTime(r.lastSuccess)} (${ago(now - Date.parse(r.lastSuccess))})` : 'never');
    if (r.part.split(' ')[0] === 'scraper') {
      const age = r.lastSuccess ? (now - Date.parse(r.lastSuccess)) / 1000 : null;
      const node = card.querySelector('[data-field="dataAge"]');
      setText(node, age == null ? 'no data' : duration(age));
      card.dataset.age = age == null ? 'none' : age >= STALE_DOWN ? 'stale' : age >= STALE_WARN ? 'old' : 'fresh';
    }
  }

  updateOverall() {
    let worst = 'ok';
    const problems = [];
    for (const [part, r] of this.parts) {
      const status = r.status ?? 'starting';
      if ((RANK[status] ?? 1) > RANK[worst]) worst = status;
      if (status === 'degraded' || status === 'down') problems.push(`${part} ${status}`);
    }
    if (this.parts.size === 0) worst = 'starting';
    const paused = [...this.parts].some(([part, r]) => part.split(' ')[0] === 'scraper' && r.details?.paused);
    // a paused scraper is healthy but freezes what goes to air: worth the operator's eye when nothing worse is on
    const shown = worst === 'ok' && paused ? 'paused' : worst;
    this.overall.dataset.status = shown;
    setText(document.getElementById('overall-text'), shown === 'ok' ? 'ALL SYSTEMS OK'
      : shown === 'paused' ? 'SCRAPING PAUSED' : shown.toUpperCase());
    const detail = [...problems, paused && shown !== 'paused' ? 'scraping paused' : null].filter(Boolean).join(' · ');
    setText(document.getElementById('overall-detail'), detail);
  }
}

/**
 * "none", or the count and the oldest few by number, name and age as of the report: "2 · 12 Nandigram 45 s, 7 Kalna
 * 31 s". A seat whose page keeps failing shows here while the other seats' (and the state's) age stays small.
 */
function staleSeats(d) {
  if (d.staleSeats == null) return '–';
  if (d.staleSeats === 0) return 'none';
  const listed = (d.staleSeatList ?? []).map((s) => `${s.no} ${s.name ?? ''} ${duration(s.ageSeconds ?? 0)}`);
  const more = d.staleSeats > listed.length ? ', …' : '';
  return `${d.staleSeats} · ${listed.join(', ')}${more}`;
}

function bitrate(bps) {
  if (!bps) return '0';
  return bps >= 1e6 ? `${(bps / 1e6).toFixed(2)} Mb/s` : `${Math.round(bps / 1e3)} kb/s`;
}
