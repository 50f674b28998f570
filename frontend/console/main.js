// The operator console: wiring of the health wall, the seat table, the event log, the override dialog and the
// switches to the API and the push channel. State is read once, then kept current by /api/live; every
// (re)connection re-reads the state pushes do not replay (health, summary, scene, audience, the cluster on a node).

import {el, setText, replaceChildren} from '/lib/dom.js';
import {Live, getJson} from '/lib/live.js';
import {ist, colour} from '/lib/format.js';
import {Operator} from './operator.js';
import {Health} from './health.js';
import {Seats} from './seats.js';
import {EventLog} from './events.js';
import {OverrideDialog} from './override.js';
import {Controls} from './controls.js';
import {Audit} from './audit.js';
import {AudiencePanel} from './audience.js';
import {ClusterPanel} from './cluster.js';
import {whichState, follows} from '/lib/state.js';

// the state whose seats, events and figures this console shows (?state=CODE, else the election's first)
const site = await whichState(new URLSearchParams(location.search).get('state'));

const operator = new Operator();
const controls = new Controls(operator, site);
const health = new Health(document.getElementById('health'), site.code);
const dialog = new OverrideDialog(operator, (party) => seats.colour(party), (no, done) => {
  audit.refresh();
  seats.scheduleRefresh();
  flash(`Seat ${no}: ${done}`);
}, site);
const seats = new Seats(document.getElementById('seats'), (no) => dialog.open(no), site.api);
stateChooser();
const seatName = (no) => seats.get(no)?.name;
const events = new EventLog(document.getElementById('events'), seatName);
const audit = new Audit(operator, seatName);
const audience = new AudiencePanel(operator);
const cluster = new ClusterPanel(site.election?.states ?? []);

health.onScraperPaused((paused) => controls.scraperState(paused));
health.onStreamAction((channel, action) => controls.streamChannel(channel, action));
operator.onUnlock(() => {
  controls.loadFaults();
  controls.loadRotation();
  audit.load();
});

setInterval(() => setText(document.getElementById('clock'), ist()), 1000);
setText(document.getElementById('clock'), ist());

/** GET /api/health answers 503 with the same board when a part is down: both are a board. */
async function loadHealth() {
  try {
    const response = await fetch('/api/health', {cache: 'no-store'});
    const board = await response.json();
    health.board(board);
    return board;
  } catch {
    return null;
  }
}

let summaryTimer = null;
async function loadSummary() {
  try {
    const summary = await getJson(`${site.api}/summary`);
    const parties = (summary.parties ?? []).filter((p) => p.party !== 'NOTA');
    seats.setColours(parties);
    setText(document.getElementById('count-declared'), summary.seats?.declared ?? 0);
    setText(document.getElementById('count-counting'), summary.seats?.counting ?? 0);
    setText(document.getElementById('count-awaiting'), summary.seats?.awaiting ?? 0);
    replaceChildren(document.getElementById('tally'), parties.filter((p) => p.won + p.leading > 0).slice(0, 3)
      .map((p) => el('span', {class: 'party', dataset: {party: p.party}, title: `${p.name}: ${p.won} won, ${p.leading} leading`},
        el('span', {class: 'swatch', style: {background: colour(p.color)}}), el('b', {}, p.party),
        ` ${p.won + p.leading}`, el('small', {}, `${p.won} won`))));
  } catch {
    // shown again on the next tally change or reconnection
  }
}

function scheduleSummary() {
  if (summaryTimer) return;
  summaryTimer = setTimeout(() => {
    summaryTimer = null;
    loadSummary();
  }, 500);
}

async function loadOverlay() {
  const overlay = await controls.loadScene();
  audience.options(overlay);
  if (overlay?.title) setText(document.getElementById('election-title'), overlay.title);
  if (overlay?.subtitle) setText(document.getElementById('election-subtitle'), overlay.subtitle);
}

/** On a day of several states: a choice of state in the top bar; choosing one reloads the console for it. */
function stateChooser() {
  const states = site.election?.states ?? [];
  if (states.length < 2) return;
  const select = el('select', {id: 'state-select', title: 'the state this console shows'},
    ...states.map((s) => el('option', {value: s.code}, `${s.name} (${s.seats})`)));
  select.value = site.code;
  select.addEventListener('change', () => {
    const params = new URLSearchParams(location.search);
    params.set('state', select.value);
    location.search = params.toString();
  });
  document.querySelector('#topbar .titles').append(select);
  document.body.dataset.state = site.code;
}

let toastTimer = null;
/** A short confirmation at the bottom of the screen (errors stay in their panels, in place). */
function flash(text) {
  const toast = document.getElementById('toast');
  setText(toast, text);
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 4000);
}

function connection(state) {
  document.body.dataset.connection = state;
  setText(document.getElementById('connection-text'), state === 'live' ? 'live' : state);
}

async function start() {
  const board = await loadHealth();
  await Promise.all([loadSummary(), loadOverlay(), audience.load(), cluster.load(),
    seats.load().catch(() => seats.scheduleRefresh())]);
  const live = new Live();
  try {
    const lastEventId = board?.parts?.store?.details?.lastEventId;
    await events.seed(lastEventId, site.code);
    // the push channel resumes right after the seed, so nothing falls between the two; without the store's newest
    // id the seed may be old, and replaying the whole night from there is not worth it: live from now on
    if (events.lastId > 0 && typeof lastEventId === 'number') live.lastId = String(events.lastId);
  } catch {
    // no history: the push channel still brings what comes next
  }
  for (const type of EventLog.types) {
    live.on(type, (event) => {
      if (!follows(site, event)) return;
      events.add(event);
      if (event.seat !== null && event.seat !== undefined) seats.fromEvent(event);
      if (type !== 'seat.changed' && type !== 'lead.flipped') {
        scheduleSummary();
      }
      if (type === 'seat.overridden' || type === 'override.released') audit.refresh();
    });
  }
  live.on('health', (report) => health.report(report));
  live.on('scene', (msg) => controls.scene(msg?.scene));
  live.on('audience', (reading) => audience.reading(reading));
  live.on('overlay.options', (options) => audience.options(options));
  live.on('cluster', (view) => cluster.view(view));
  live.onStatus(connection);
  let first = true;
  live.onOpen(() => {
    if (first) {
      first = false;
      audience.load(); // readings pushed before the channel opened are not replayed
      cluster.load();
      return;
    }
    loadHealth();
    loadSummary();
    controls.loadScene().then((overlay) => audience.options(overlay));
    audience.load();
    cluster.load();
    seats.scheduleRefresh();
  });
  live.start();
  document.body.dataset.ready = '1';
}

operator.start();
start();
