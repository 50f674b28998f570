// The operator's switches: scraping pause/resume, the overlay's scene, the stream, and (rehearsals, demo only) the
// replay site's fault switches. Every answer the server gives, including a refusal, is shown as its own text.

import {el, setText, replaceChildren} from '/lib/dom.js';
import {getJson} from '/lib/live.js';

export const SCENES = ['full', 'map', 'tally', 'ticker', 'states', 'intro'];
/** The replay site's fault switches (io.tallycast.replay.Fault.NAMES): a short label and what each does. */
const FAULTS = {
  'http-500': ['HTTP 500', 'the site answers 500'],
  slow: ['slow', 'answers after 3 s'],
  timeout: ['timeout', 'never answers'],
  truncated: ['truncated', 'pages cut short'],
  garbage: ['garbage', 'pages are noise'],
  'wrong-seat': ['wrong seat', 'a page shows another seat'],
  'votes-down': ['votes down', 'votes go down (a correction)'],
  'require-browser-headers': ['bot block', 'refuses requests without browser headers'],
  'not-found': ['not found', 'pages answer 404 (a site without the live JSON)'],
  frozen: ['frozen', 'pages stay as they are now (a stale cache)'],
};

export class Controls {
  /** @param site the state this console follows (see /lib/state.js): its scenes are the ones the buttons put on air */
  constructor(operator, site = {code: null, several: false, election: null}) {
    this.operator = operator;
    this.site = site;
    this.activeFaults = new Set();
    this.faultsKnown = Object.keys(FAULTS);
    document.getElementById('pause-scraper').addEventListener('click', () => this.scraper('pause'));
    document.getElementById('resume-scraper').addEventListener('click', () => this.scraper('resume'));
    for (const button of document.querySelectorAll('[data-scene-button]')) {
      button.addEventListener('click', () => this.switchScene(button.dataset.sceneButton));
    }
    document.getElementById('start-stream').addEventListener('click', () => this.stream('start'));
    document.getElementById('stop-stream').addEventListener('click', () => this.stream('stop'));
    document.getElementById('clear-faults').addEventListener('click', () => this.clearFaults());
    document.getElementById('rotate-start').addEventListener('click', () => this.rotate(true));
    document.getElementById('rotate-stop').addEventListener('click', () => this.rotate(false));
  }

  // --- scraping

  async scraper(action) {
    const message = document.getElementById('scraper-message');
    setText(message, action === 'pause' ? 'Pausing…' : 'Resuming…');
    try {
      const answer = await this.operator.call('POST', `/api/operator/scraper/${action}`);
      this.scraperState(answer?.scraper === 'paused');
      setText(message, answer?.scraper === 'paused' ? 'Scraping paused: figures on air are frozen.' : 'Scraping running.');
    } catch (e) {
      setText(message, e.message);
    }
  }

  /** From the scraper's health reports and the pause/resume answers. */
  scraperState(paused) {
    const panel = document.getElementById('scraper-control');
    panel.dataset.state = paused ? 'paused' : 'running';
    setText(document.getElementById('scraper-state'), paused ? 'PAUSED' : 'running');
  }

  // --- scene

  async loadScene() {
    try {
      const overlay = await getJson('/api/overlay');
      this.scene(overlay?.scene);
      return overlay;
    } catch {
      return null; // the overlay API is not there: the buttons still work once it is
    }
  }

  /** The scene on air (from /api/overlay, the `scene` push, or our own switch). */
  scene(scene) {
    if (!scene) return;
    document.getElementById('scene-control').dataset.scene = scene;
    setText(document.getElementById('current-scene'), scene.toUpperCase());
    for (const button of document.querySelectorAll('[data-scene-button]')) {
      button.setAttribute('aria-pressed', String(button.dataset.sceneButton === scene));
    }
  }

  async switchScene(scene) {
    const message = document.getElementById('scene-message');
    setText(message, '');
    try {
      // on a day of several states a scene is this console's state's (the states and national boards are everyone's)
      const everyones = scene === 'states' || scene === 'national';
      const body = this.site.several && !everyones ? {scene, state: this.site.code} : {scene};
      const answer = await this.operator.call('POST', '/api/operator/scene', body);
      this.scene(answer?.scene ?? scene);
    } catch (e) {
      setText(message, e.message);
    }
  }

  // --- scene rotation

  /**
   * The national tally, the states board, then each state's full scene (several states), or the full, map and tally
   * scenes (one).
   */
  rotationSteps() {
    const states = this.site.election?.states ?? [];
    if (this.site.several) {
      return [{scene: 'national'}, {scene: 'states'}, ...states.map((s) => ({scene: 'full', state: s.code}))];
    }
    return [{scene: 'full'}, {scene: 'map'}, {scene: 'tally'}];
  }

  async rotate(on) {
    const message = document.getElementById('rotate-message');
    setText(message, '');
    try {
      const answer = on ? await this.operator.call('POST', '/api/operator/rotation', {
        steps: this.rotationSteps(),
        everySeconds: document.getElementById('rotate-declaration').checked ? undefined
          : Number(document.getElementById('rotate-seconds').value),
        onDeclaration: document.getElementById('rotate-declaration').checked,
      }) : await this.operator.call('DELETE', '/api/operator/rotation');
      this.rotation(answer);
    } catch (e) {
      setText(message, e.message);
    }
  }

  /** What the rotation does now, as GET/POST/DELETE /api/operator/rotation answer. */
  rotation(state) {
    const panel = document.getElementById('scene-control');
    panel.dataset.rotating = state?.on ? '1' : '0';
    setText(document.getElementById('rotate-message'), !state?.on ? 'rotation off'
      : `rotating ${state.steps.length} scenes ${state.onDeclaration ? 'on each declaration' : `every ${state.everySeconds} s`}`);
  }

  async loadRotation() {
    try {
      this.rotation(await this.operator.call('GET', '/api/operator/rotation'));
    } catch {
      // locked: shown once the token is given
    }
  }

  // --- stream

  async stream(action) {
    const message = document.getElementById('stream-message');
    setText(message, action === 'start' ? 'Starting…' : 'Stopping…');
    try {
      const answer = await this.operator.call('POST', `/api/operator/stream/${action}`);
      setText(message, answer?.message ?? (answer?.state ? `stream ${answer.state}` : `stream ${action} sent`));
    } catch (e) {
      setText(message, e.message);
    }
  }

  /** One channel's start or stop from its health card (null: the first channel); answers the text to show. */
  async streamChannel(channel, action) {
    const path = channel === null ? `/api/operator/stream/${action}`
      : `/api/operator/streams/${encodeURIComponent(channel)}/${action}`;
    try {
      const answer = await this.operator.call('POST', path);
      return answer?.state ? `${channel ?? 'stream'} ${answer.state}` : `${action} sent`;
    } catch (e) {
      return e.message;
    }
  }

  // --- rehearsal faults

  /** Shows the fault panel only where the server has fault switches (the demo). */
  async loadFaults() {
    const panel = document.getElementById('faults');
    try {
      this.faultList(await this.operator.call('GET', '/api/operator/replay/faults'));
      panel.hidden = false;
    } catch (e) {
      if (e.status === 404 || e.status === 401 || e.status === 405) panel.hidden = true;
      else setText(document.getElementById('faults-message'), e.message);
    }
  }

  /** The replay site's answer: the active faults [{name, delayMs, seats, pages}] (or {known, active}). */
  faultList(answer) {
    const active = Array.isArray(answer) ? answer : answer?.active ?? answer?.faults ?? [];
    if (Array.isArray(answer?.known)) this.faultsKnown = answer.known;
    this.activeFaults = new Set(active.map((f) => (typeof f === 'string' ? f : f.name)));
    replaceChildren(document.getElementById('fault-list'), this.faultsKnown.map((name) => {
      const [label, what] = FAULTS[name] ?? [name, ''];
      return el('button', {type: 'button', class: 'fault', dataset: {fault: name}, title: `${name}: ${what}`,
        'aria-pressed': String(this.activeFaults.has(name)), onclick: () => this.toggleFault(name)}, label);
    }));
    document.getElementById('faults').dataset.active = String(this.activeFaults.size);
  }

  async toggleFault(name) {
    const on = !this.activeFaults.has(name);
    const message = document.getElementById('faults-message');
    try {
      const path = `/api/operator/replay/faults/${encodeURIComponent(name)}`;
      await this.operator.call(on ? 'PUT' : 'DELETE', path, on ? {} : undefined);
      // PUT answers the one fault, DELETE the list: read the list either way
      this.faultList(await this.operator.call('GET', '/api/operator/replay/faults'));
      setText(message, `${name} ${on ? 'ON' : 'off'}`);
    } catch (e) {
      setText(message, e.message);
    }
  }

  async clearFaults() {
    const message = document.getElementById('faults-message');
    try {
      this.faultList(await this.operator.call('DELETE', '/api/operator/replay/faults'));
      setText(message, 'all faults off');
    } catch (e) {
      setText(message, e.message);
    }
  }
}
