// The broadcast overlay: wires the push channel to the panels. State comes from the API on every (re)connection and
// is then kept current by the pushed events; each panel repaints only what changed (see the panel modules).

import {getJson} from '/lib/live.js';
import {WorkerLive} from '/lib/worker-live.js';
import {coalesce} from '/lib/coalesce.js';
import {startClock} from './clock.js';
import {Scenes} from './scenes.js';
import {Branding} from './branding.js';
import {StateMap} from './statemap.js';
import {Tally} from './tally.js';
import {House} from './house.js';
import {Ticker} from './ticker.js';
import {Notes} from './notes.js';
import {Seats} from './seats.js';
import {learn} from './palette.js';
import {StatesBoard} from './states.js';
import {Intro} from './intro.js';
import {NationalBoard} from './national.js';
import {WatchingNow} from './watching.js';
import {whichState, follows} from '/lib/state.js';

const params = new URLSearchParams(location.search);
document.body.dataset.size = params.get('size') === '720' ? '720' : '1080';
// the state this overlay's full, map, tally and ticker scenes show (?state=S03; else the election's first)
// (the scene on air may name another state: the rotation's "full scene of Kerala" — see followState)
const fixedState = params.get('state');
let site = await whichState(fixedState);
showState();

function showState() {
  document.body.dataset.state = site.code ?? '';
  document.body.dataset.several = site.several ? '1' : '0';
  if (site.several) {
    document.querySelector('#ticker .label .small').textContent = site.name;
    document.querySelector('#map .caption .title').textContent = site.name;
  }
}

const scenes = new Scenes(document.body, params.get('scene'));
const branding = new Branding(document);
const stateMap = new StateMap(document.querySelector('#map .frame'), site.maps);
const statesBoard = new StatesBoard(document.querySelector('#states .columns'));
const intro = new Intro(document.getElementById('intro'));
const nationalBoard = new NationalBoard(document.getElementById('national'));
const nationalMap = new StateMap(document.querySelector('#national .frame'), '/api/national/maps');
const tally = new Tally(document.querySelector('#tally .rows'), document.getElementById('legend'));
const house = new House(document.getElementById('house'));
const ticker = new Ticker(document.querySelector('#ticker .strip'));
const seats = new Seats();
const notes = new Notes(document.querySelector('#notifications .notes'), seats, site);
const watching = new WatchingNow(document.getElementById('watching'));
const shown = {summary: false, seats: false};

startClock(document.getElementById('clock'));

const refreshSummary = coalesce(async () => {
  const summary = await getJson(`${site.api}/summary`);
  if (learn(summary)) ticker.recolour();
  tally.show(summary);
  house.show(summary);
  lastSummary = summary;
  showCount();
  shown.summary = true;
  markReady();
}, 250);

const refreshSeats = coalesce(async () => {
  const since = seats.mark();
  const list = await getJson(`${site.api}/constituencies`);
  seats.load(list, since);
  ticker.show(seats.all());
  shown.seats = true;
  markReady();
}, 1000);

const refreshConfig = coalesce(async () => {
  let config = null;
  try {
    config = await getJson('/api/overlay');
  } catch {
    config = null; // before the operator API exists the page keeps its defaults
  }
  branding.show(config);
  watching.options(config);
  if (config?.scene) scenes.follow(config.scene);
  if (config?.sceneState) followState(config.sceneState);
}, 1000);

// every state's tallies, for the states scene: one answer for the whole election
let lastSummary = null;
let lastElection = null;
const refreshStates = coalesce(async () => {
  if (!site.several && document.body.dataset.scene !== 'states') return;
  lastElection = await getJson('/api/election');
  statesBoard.show(lastElection);
  showCount();
}, 500);

// the states added up, for the national scene: fetched on (re)connection, then kept by the `national` pushes
let lastNational = null;
const refreshNational = coalesce(async () => {
  if (!site.several && scenes.wanted !== 'national') return;
  showNational(await getJson('/api/national'));
}, 500);

function showNational(national) {
  lastNational = national;
  nationalBoard.show(national);
  showCount();
}

/** The header's count: the followed state's, or every state's together while the states or national board is on air. */
function showCount() {
  if (scenes.wanted === 'national' && lastNational) {
    branding.showCount(lastNational.seats);
  } else if (scenes.wanted === 'states' && site.several && lastElection) {
    const all = {total: 0, declared: 0, counting: 0, awaiting: 0};
    for (const s of lastElection.states ?? []) {
      for (const k of Object.keys(all)) all[k] += s.seats?.[k] ?? 0;
    }
    branding.showCount(all);
  } else if (lastSummary) {
    branding.showCount(lastSummary.seats);
  }
}

function markReady() {
  if (shown.summary && shown.seats && document.body.dataset.ready !== '1') document.body.dataset.ready = '1';
}

const live = new WorkerLive('/api/live');
live.on('tally.changed', (event) => {
  refreshStates();
  if (follows(site, event)) refreshSummary();
});
live.on('seat.changed', (event) => {
  if (!follows(site, event)) return;
  const seat = seats.applyChange(event);
  if (seat) ticker.update(seat);
  if (!seat || event.before?.status !== event.after?.status) refreshSummary();
});
live.on('lead.flipped', (event) => {
  if (!follows(site, event)) return;
  notes.add(event);
  refreshSummary();
});
live.on('seat.declared', (event) => {
  if (!follows(site, event)) return;
  notes.add(event);
  refreshSummary();
});
live.on('seat.overridden', (event) => {
  refreshStates();
  if (!follows(site, event)) return;
  const seat = seats.applyOverride(event);
  if (seat) ticker.update(seat);
  notes.add(event);
  refreshSeats();
  refreshSummary();
});
live.on('override.released', (event) => {
  refreshStates();
  if (!follows(site, event)) return;
  const seat = seats.applyOverride(event, true);
  if (seat) ticker.update(seat);
  refreshSeats();
  refreshSummary();
});
live.on('map.updated', (event) => {
  if (event.state === 'national') nationalMap.updated(event);
  else if (follows(site, event)) stateMap.updated(event);
});
live.on('national', (national) => showNational(national));
live.on('scene', (event) => {
  scenes.follow(event.scene);
  showCount();
  if (event.state) followState(event.state);
  if (event.scene === 'states') refreshStates();
  if (event.scene === 'national') {
    refreshNational();
    nationalMap.refresh();
  }
});
live.on('overlay.options', (options) => watching.options(options));
live.on('audience', (reading) => watching.reading(reading));
live.onStatus((status) => {
  if (document.body.dataset.live !== status) document.body.dataset.live = status;
});

/**
 * Another state's scenes on air (the operator's or the rotation's choice): its seats, figures, notes and map replace
 * the current state's, fetched afresh; the panels repaint in place. A ?state= in the URL fixes the state.
 */
async function followState(code) {
  if (fixedState || !site.several || code === site.code) return;
  const next = await whichState(code);
  if (next.code !== code || next.code === site.code) return;
  site = next;
  showState();
  seats.clear();
  notes.follow(site);
  stateMap.follow(site.maps);
  fetchEverything();
}

function fetchEverything() {
  refreshConfig.now();
  refreshSummary.now();
  refreshSeats.now();
  refreshStates.now();
  refreshNational.now();
  if (site.several || scenes.wanted === 'national') nationalMap.refresh();
  intro.refresh(site.maps, site.name);
  stateMap.refresh();
  notes.backfill();
  watching.load();
}

// state pushes are not replayed and we may have been away: on every (re)connection fetch everything again
live.onOpen(fetchEverything);
live.start();
// and at once, not after the channel opens: the first picture should not wait for the stream to connect
fetchEverything();

// for tests and for an engineer at the console of the capture browser
window.__live = live;
window.__overlay = {live, site, scenes, seats, tally, house, ticker, notes, stateMap, statesBoard, watching,
  nationalBoard, nationalMap};
