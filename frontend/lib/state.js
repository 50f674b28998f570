// Which state of the election a page follows: ?state=CODE, else the election's first (on a day of one state, the
// only one). Its results are under /api/states/CODE/ (summary, constituencies, maps); the push channel carries every
// state's events, so a page takes only its state's seat events (`follows`). Before /api/states exists (an older
// engine) the page reads the single-state routes and takes every event.

import {getJson} from './live.js';

export async function whichState(asked) {
  try {
    const election = await getJson('/api/states');
    const states = election.states ?? [];
    const chosen = states.find((s) => s.code === asked) ?? states[0];
    if (!chosen) throw new Error('no states');
    return {
      code: chosen.code,
      name: chosen.name,
      several: states.length > 1,
      election,
      api: `/api/states/${chosen.code}`,
      maps: `/api/states/${chosen.code}/maps`,
    };
  } catch {
    return {code: null, name: null, several: false, election: null, api: '/api', maps: '/api/maps'};
  }
}

/** Whether an event is about the followed state (events of no state, and pages of no known state, take all). */
export function follows(site, event) {
  return !site.code || !event?.state || event.state === site.code;
}
