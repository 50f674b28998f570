// Scenes: full, map, tally, ticker, states (every state of the day side by side), intro (the state as it voted:
// its polling phases), national (the states added up against the majority, with the national map). Which panels
// show and where is all CSS (body[data-scene]); switching fades the stage out and in (opacity only). ?scene=NAME fixes the scene; otherwise it follows the operator (SSE `scene`,
// and /api/overlay on every reconnection).

export const SCENES = ['full', 'map', 'tally', 'ticker', 'states', 'intro', 'national'];
const FADE_MS = 220;

export class Scenes {
  constructor(body, fixed) {
    this.body = body;
    this.stage = body.querySelector('#stage');
    this.fixed = SCENES.includes(fixed) ? fixed : null;
    this.timer = null;
    this.wanted = this.fixed ?? 'full';
    body.dataset.scene = this.wanted;
  }

  /** The operator's choice; ignored when the URL fixed the scene, and for unknown names. */
  follow(scene) {
    if (this.fixed || !SCENES.includes(scene) || scene === this.wanted) return;
    this.wanted = scene;
    if (this.body.dataset.ready !== '1') {
      this.body.dataset.scene = scene; // nothing on air yet: no need to fade
      return;
    }
    this.stage.classList.add('switching');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.body.dataset.scene = this.wanted;
      this.stage.classList.remove('switching');
    }, FADE_MS);
  }

  get current() {
    return this.body.dataset.scene;
  }
}
