// Party colours by code, from the latest /api/summary (the configuration's colours): the ticker and the notes colour
// party chips with them.

import {colour} from '/lib/format.js';

const colours = new Map();

/** Returns true when any colour changed. */
export function learn(summary) {
  let changed = false;
  for (const p of summary?.parties ?? []) {
    const c = colour(p.color);
    if (colours.get(p.party) !== c) {
      colours.set(p.party, c);
      changed = true;
    }
  }
  return changed;
}

export function partyColour(code) {
  return colours.get(code) ?? colour(null);
}
