// Title, subtitle and logo from /api/overlay (the contract's demo defaults until that exists), and the count of
// declared seats in the header and on the ticker scene's slate.

import {setText} from '/lib/dom.js';

export const DEFAULTS = {
  title: 'West Bengal Assembly Election 2021',
  subtitle: 'পশ্চিমবঙ্গ বিধানসভা নির্বাচন ২০২১',
  logo: '/overlay/logo.svg',
};

export class Branding {
  constructor(doc) {
    this.title = doc.getElementById('title');
    this.subtitle = doc.getElementById('subtitle');
    this.logos = [doc.querySelector('#logo img'), doc.querySelector('#slate .slate-logo')];
    this.slateTitle = doc.querySelector('#slate .slate-title');
    this.slateSubtitle = doc.querySelector('#slate .slate-subtitle');
    this.slateCount = doc.querySelector('#slate .slate-count');
    this.declared = doc.querySelector('#counted .declared');
    this.seats = doc.querySelector('#counted .seats');
    this.show(null);
  }

  show(config) {
    const title = text(config?.title) ?? DEFAULTS.title;
    // the configured subtitle, even none: another state's overlay must not keep West Bengal's Bengali line
    const subtitle = config ? (text(config.subtitle) ?? '') : DEFAULTS.subtitle;
    setText(this.title, title);
    setText(this.subtitle, subtitle);
    setText(this.slateTitle, title);
    setText(this.slateSubtitle, subtitle);
    const logo = safeUrl(config?.logo) ?? safeUrl(DEFAULTS.logo);
    for (const img of this.logos) {
      if (img.getAttribute('src') !== logo) img.setAttribute('src', logo);
    }
  }

  showCount(seats) {
    if (!seats) return;
    setText(this.declared, seats.declared);
    setText(this.seats, seats.total);
    const counting = seats.counting ? ` · ${seats.counting} counting` : '';
    setText(this.slateCount, `${seats.declared} of ${seats.total} seats declared${counting}`);
  }
}

function text(value) {
  return typeof value === 'string' && value.trim() ? value : null;
}

/** Only http(s) or same-site paths make a logo: never javascript: or data: from configuration. */
function safeUrl(value) {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
