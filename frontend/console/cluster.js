// The Cluster panel, on a node of a cluster only (GET /api/cluster answers 404 elsewhere and the panel stays hidden):
// each node with its health, the states and channels it carries and a link to its own console, a gone node marked with
// when it was last seen, the states waiting for an owner, and the take-overs newest first ("14:02:11 West Bengal taken
// over by node-3 from node-2 (2.1 s after node-2 left)"). Kept current by the `cluster` pushes, which carry the whole
// view; read again at every reconnection. Everything is set as text.

import {el, setText, replaceChildren} from '/lib/dom.js';
import {getJson} from '/lib/live.js';
import {clockTime} from './time.js';

/** The take-overs shown; the cluster keeps more (GET /api/cluster has them all). */
const SHOWN = 50;

export class ClusterPanel {
  /** @param states the election's states ({code, name}), to name a state as operators do */
  constructor(states = []) {
    this.panel = document.getElementById('cluster-panel');
    this.names = new Map(states.map((s) => [s.code, s.name]));
  }

  /** At load and on every reconnection: a 404 means this run is no node of a cluster. */
  async load() {
    try {
      this.view(await getJson('/api/cluster'));
    } catch {
      // not a node (404), or an older server: no panel
    }
  }

  /** A view as /api/cluster answers it or the `cluster` push carries it. */
  view(view) {
    if (!view?.clustered) return;
    this.panel.hidden = false;
    const members = view.members ?? [];
    this.panel.dataset.members = String(members.length);
    this.panel.dataset.node = view.node ?? '';
    setText(document.getElementById('cluster-summary'),
      `this node: ${view.node} · ${members.length} member${members.length === 1 ? '' : 's'}`);
    replaceChildren(document.getElementById('cluster-nodes'), (view.nodes ?? []).map((n) => this.node(n, view.node)));
    const unowned = document.getElementById('cluster-unowned');
    setText(unowned, view.unowned?.length ? `waiting for an owner: ${view.unowned.map((s) => this.state(s)).join(', ')}`
      : '');
    const rows = (view.takeovers ?? []).slice(0, SHOWN).map((t) => el('li', {class: 'takeover',
      dataset: {kind: t.kind, name: t.name, from: t.from ?? '', to: t.to, after: t.sinceMemberLeftMs == null ? '' : '1'},
      title: `running ${seconds(t.tookMs)} after ${t.to} first tried`}, takeoverText(t, (s) => this.state(s))));
    if (rows.length === 0) rows.push(el('li', {class: 'empty muted'}, 'No take-over yet.'));
    replaceChildren(document.getElementById('cluster-takeovers'), rows);
  }

  node(n, me) {
    const status = n.gone ? 'gone' : n.status ?? 'starting';
    const states = (n.states ?? []).map((s) => this.state(s));
    return el('li', {class: 'node', dataset: {node: n.name, gone: n.gone ? '1' : '0', status, me: n.name === me ? '1' : '0'}},
      el('div', {class: 'node-head'},
        el('b', {class: 'name'}, n.name),
        n.name === me ? el('span', {class: 'muted small'}, 'this node') : null,
        el('span', {class: 'pill status'}, n.gone ? 'GONE' : (n.status ?? 'no report').toUpperCase()),
        el('span', {class: 'heap muted small'}, n.heapMb == null ? '' : `${Math.round(n.heapMb)} MB`),
        consoleLink(n)),
      n.gone ? el('div', {class: 'seen'}, `gone · last seen ${clockTime(n.lastSeen) || 'never'}`) : null,
      el('div', {class: 'states'}, states.length ? `states: ${states.join(', ')}` : 'states: none'),
      n.channels?.length ? el('div', {class: 'channels'}, `channels: ${n.channels.join(', ')}`) : null,
      ...(n.gone ? [] : n.problems ?? []).map((p) => problem(p)));
  }

  /** "West Bengal" for S25 (the code when the election does not name it). */
  state(code) {
    return this.names.get(code) ?? code;
  }
}

/** One take-over as an operator reads it. */
export function takeoverText(t, stateName) {
  const what = t.kind === 'channel' ? `channel ${t.name}` : stateName(t.name);
  const at = clockTime(t.at);
  if (!t.from) return `${at} ${what} taken by ${t.to}`; // no owner named then: a first owner, or a hand-over done
  if (t.from === t.to) return `${at} ${what} taken again by ${t.to} (after its restart)`;
  if (t.sinceMemberLeftMs == null) return `${at} ${what} handed over from ${t.from} to ${t.to}`;
  return `${at} ${what} taken over by ${t.to} from ${t.from} (${seconds(t.sinceMemberLeftMs)} after ${t.from} left)`;
}

/** A health part of the node that is not OK, on one line; the whole error on hover. */
function problem(p) {
  const text = `${p.part} ${p.status}${p.error ? `: ${p.error}` : ''}`;
  return el('div', {class: 'problem', dataset: {status: p.status}, title: text}, text);
}

function seconds(ms) {
  return `${(Math.max(0, ms ?? 0) / 1000).toFixed(1)} s`;
}

/** Another node's console, when it gave an address a browser can open. */
function consoleLink(n) {
  if (n.gone || !/^https?:\/\//.test(n.api ?? '')) return null;
  return el('a', {class: 'open small', href: `${n.api}/console/`, target: '_blank', rel: 'noopener'}, 'console');
}
