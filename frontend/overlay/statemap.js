// The live state map. A new picture (map.updated, or a newer version seen on reconnection) is loaded and decoded off
// screen first, then put in place of the old <img>: the swap is one paint, never a blank or half-loaded frame.
// During a fast count the renderer publishes several versions a second: only the newest is loaded, one at a time.

import {getJson} from '/lib/live.js';

const MAP = 'state';

export class StateMap {
  /** @param maps where this state's maps are listed: /api/maps, or /api/states/CODE/maps */
  constructor(frame, maps = '/api/maps') {
    this.frame = frame;
    this.maps = maps;
    this.shown = null; // version on screen
    this.wanted = null; // newest version announced
    this.url = `${maps}/${MAP}.png`;
    this.loading = false;
  }

  /** Another state's map: shown from its current version on. */
  follow(maps) {
    this.maps = maps;
    this.url = `${maps}/${MAP}.png`;
    this.shown = null;
    this.wanted = null;
    this.refresh();
  }

  /** map.updated {"map","version","url"} */
  updated(event) {
    if (event?.map !== MAP) return;
    if (event.url) this.url = event.url;
    this.want(event.version);
  }

  /** On (re)connection: map pushes are not replayed, so ask which version is current. */
  async refresh() {
    try {
      const maps = await getJson(this.maps);
      const state = maps.find((m) => m.map === MAP);
      if (!state) return;
      if (state.url) this.url = state.url;
      this.want(state.version);
    } catch (e) {
      console.warn('map list unavailable', e);
    }
  }

  want(version) {
    if (version === undefined || version === null) return;
    if (this.wanted !== null && version <= this.wanted) return;
    this.wanted = version;
    if (!this.loading) this.load();
  }

  async load() {
    this.loading = true;
    let failures = 0;
    try {
      while (this.wanted !== null && this.wanted !== this.shown && failures < 5) {
        const version = this.wanted;
        const img = new Image();
        img.alt = 'state map';
        img.decoding = 'async';
        img.src = `${this.url}?v=${encodeURIComponent(version)}`;
        try {
          await img.decode();
        } catch {
          failures++; // the next map.updated or reconnection tries again after five
          await new Promise((resolve) => setTimeout(resolve, 1000)); // not rendered yet, or a blip: retry
          continue;
        }
        if (this.wanted === version || this.shown === null || version > this.shown) {
          this.frame.replaceChildren(img);
          this.shown = version;
        }
      }
    } finally {
      this.loading = false;
    }
  }
}
