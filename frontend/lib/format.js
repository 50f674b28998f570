// Figures as an Indian newsroom writes them.

const indian = new Intl.NumberFormat('en-IN');

/** 1234567 -> "12,34,567" */
export function votes(n) {
  return n === undefined || n === null ? '' : indian.format(n);
}

/** 48.0234 -> "48.0%" */
export function share(p) {
  return p === undefined || p === null ? '' : `${Number(p).toFixed(1)}%`;
}

/** +4 / -3 / 0 */
export function signed(n) {
  return n > 0 ? `+${n}` : String(n ?? 0);
}

const istClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** The time in India (IST), "14:05:09". */
export function ist(date = new Date()) {
  return istClock.format(date);
}

/** A party's colour as CSS, grey when unknown. */
export function colour(c) {
  return /^#[0-9a-fA-F]{6}$/.test(c ?? '') ? c : '#9AA3AD';
}
