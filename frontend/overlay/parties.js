// The party standings the overlay shows, from /api/summary: NOTA is not a party, the rest is ranked by projected seats
// (won + leading), then seats won, then votes; the tail is summed into "Others".

import {colour} from '/lib/format.js';

export const OTHERS = 'OTHERS';

export function standings(summary, top = 5) {
  const parties = (summary?.parties ?? [])
    .filter((p) => p.party !== 'NOTA')
    .map((p) => ({
      party: p.party,
      name: p.name ?? p.party,
      color: colour(p.color),
      won: p.won ?? 0,
      leading: p.leading ?? 0,
      total: (p.won ?? 0) + (p.leading ?? 0),
      votes: p.votes ?? 0,
      voteShare: p.voteShare ?? 0,
      // against the last election's seats: won + leading, as TV counts a gain while the count is on (the API's
      // "change" counts declared seats only, so it reads -190 for the eventual winner in the morning)
      change: (p.won ?? 0) + (p.leading ?? 0) - (p.past ?? 0),
    }))
    .sort((a, b) => b.total - a.total || b.won - a.won || b.votes - a.votes || a.party.localeCompare(b.party));
  const shown = parties.slice(0, top);
  const rest = parties.slice(top);
  const others = {
    party: OTHERS, name: 'Others', color: '#8A93A0', won: 0, leading: 0, total: 0, votes: 0, voteShare: 0, change: 0,
  };
  for (const p of rest) {
    others.won += p.won;
    others.leading += p.leading;
    others.total += p.total;
    others.votes += p.votes;
    others.voteShare += p.voteShare;
    others.change += p.change;
  }
  return {parties, shown, others, all: rest.length ? [...shown, others] : shown};
}

/** "+4", "−3" (a real minus sign), "0". */
export function change(n) {
  if (!n) return '0';
  return n > 0 ? `+${n}` : `−${Math.abs(n)}`;
}

/** A party colour lightened the way the map tints a leading seat: halfway to white. */
export function tint(hex) {
  const c = colour(hex);
  const mix = (i) => Math.floor((parseInt(c.slice(i, i + 2), 16) + 256) / 2).toString(16).padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}
