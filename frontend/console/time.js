// Times as an operator reads them under pressure: clock times in IST, ages in the largest two units.

import {ist} from '/lib/format.js';

/** An ISO instant as the IST clock time "14:05:09"; '' when absent or unreadable. */
export function clockTime(iso) {
  const t = Date.parse(iso ?? '');
  return Number.isNaN(t) ? '' : ist(new Date(t));
}

/** Seconds as "8 s", "3 min 05 s", "2 h 14 min". */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Milliseconds in the past as "12 s ago". */
export function ago(ms) {
  return ms < 1000 ? 'just now' : `${duration(ms / 1000)} ago`;
}
