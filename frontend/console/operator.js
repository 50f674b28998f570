// Operator access: the token is asked for once per browser and kept in localStorage; every /api/operator call sends
// it as a Bearer header (never in a URL, so it stays out of access logs and history). A 401 at any time means the
// token is gone or wrong: it is forgotten and asked for again.

import {getJson} from '/lib/live.js';
import {setText} from '/lib/dom.js';

const KEY = 'tallycast.operatorToken';

export class Operator {
  constructor() {
    this.dialog = document.getElementById('token-dialog');
    this.form = document.getElementById('token-form');
    this.input = document.getElementById('token-input');
    this.error = document.getElementById('token-error');
    this.button = document.getElementById('operator-button');
    this.unlockHandlers = [];
    this.form.addEventListener('submit', (e) => this.submit(e));
    document.getElementById('token-cancel').addEventListener('click', () => this.dialog.close());
    this.button.addEventListener('click', () => (this.token() ? this.lock() : this.ask()));
  }

  token() {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  }

  /** Runs handler once the console holds a valid token (again after every re-entry). */
  onUnlock(handler) {
    this.unlockHandlers.push(handler);
    return this;
  }

  /** On load: a remembered token is checked; without one the dialog opens. */
  async start() {
    const token = this.token();
    if (!token) {
      this.ask();
      return;
    }
    this.state('checking');
    try {
      await this.check(token);
      this.unlocked();
    } catch (e) {
      if (e.status === 401) this.refused('The saved token was refused: enter the current one.');
      else this.state('unlocked'); // the server is unreachable: keep the token, calls will tell
    }
  }

  ask(message = '') {
    setText(this.error, message);
    this.input.value = '';
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
  }

  lock() {
    localStorage.removeItem(KEY);
    this.state('locked');
    this.ask();
  }

  async submit(e) {
    e.preventDefault();
    const token = this.input.value.trim();
    if (!token) {
      setText(this.error, 'Enter the token.');
      return;
    }
    setText(this.error, 'Checking…');
    try {
      await this.check(token);
    } catch (err) {
      setText(this.error, err.status === 401 ? `That token was refused: ${err.message}`
        : `Could not check the token: ${err.message}`);
      this.input.select();
      return;
    }
    localStorage.setItem(KEY, token);
    setText(this.error, '');
    this.dialog.close();
    this.unlocked();
  }

  check(token) {
    return getJson('/api/operator/check', {headers: {Authorization: `Bearer ${token}`}});
  }

  unlocked() {
    this.state('unlocked');
    for (const handler of this.unlockHandlers) handler();
  }

  refused(message) {
    localStorage.removeItem(KEY);
    this.state('locked');
    this.ask(message);
  }

  state(state) {
    document.body.dataset.operator = state;
    setText(this.button, state === 'unlocked' ? 'Operator ✓' : state === 'checking' ? 'Checking…' : 'Locked');
    this.button.title = state === 'unlocked' ? 'operator token accepted; click to forget it' : 'enter the operator token';
  }

  /**
   * An operator call: call('POST', '/api/operator/scene', {scene: 'map'}). Resolves to the JSON answer; rejects with
   * the server's own message (error.message) and status. Without a token the dialog opens and the call is refused.
   */
  async call(method, path, body) {
    const token = this.token();
    if (!token) {
      this.ask('Operator actions need the token.');
      const error = new Error('operator token needed');
      error.status = 401;
      throw error;
    }
    const options = {method, headers: {Authorization: `Bearer ${token}`}};
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    try {
      return await getJson(path, options);
    } catch (e) {
      if (e.status === 401) this.refused('The token was refused (401): enter the current one.');
      throw e;
    }
  }
}
