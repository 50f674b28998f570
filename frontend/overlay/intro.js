// The "intro" scene (#intro): before the count, the state as it voted: the picture of its seats coloured by polling
// phase with each phase's date (West Bengal 2021's eight phases, made by `tallycast masks --groups-csv`), listed with
// the state's maps. A state without such a picture shows its live map instead.

import {getJson} from '/lib/live.js';
import {setText} from '/lib/dom.js';

const PICTURE = 'phase/by-phase';

export class Intro {
  constructor(section) {
    this.frame = section.querySelector('.frame');
    this.caption = section.querySelector('.caption .title');
    this.shown = null;
  }

  /** @param maps the followed state's map list URL (/api/maps or /api/states/CODE/maps) */
  async refresh(maps, stateName) {
    let list = [];
    try {
      list = await getJson(maps);
    } catch {
      return; // no maps: the scene keeps its title only
    }
    const picture = list.find((m) => m.map === PICTURE) ?? list.find((m) => m.map === 'state');
    if (!picture?.url || picture.url === this.shown) return;
    const img = new Image();
    img.alt = picture.name ?? '';
    img.src = picture.url;
    try {
      await img.decode();
    } catch {
      return; // tried again at the next connection
    }
    this.frame.replaceChildren(img);
    this.shown = picture.url;
    setText(this.caption, picture.map === PICTURE ? `${stateName ?? ''} · polling phases`.replace(/^ · /, '')
      : stateName ?? 'State map');
  }
}
