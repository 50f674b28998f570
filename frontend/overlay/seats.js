// Every seat as the overlay knows it: loaded from /api/constituencies, then kept current by seat.changed events (which
// carry the seat's new status, rounds, leader and margin), so a round counted is one small update, not a refetch.

export class Seats {
  constructor() {
    this.byNo = new Map();
    this.touched = new Map(); // seat -> sequence number of the last event applied to it
    this.sequence = 0;
  }

  /** Forgets every seat: the overlay follows another state now. */
  clear() {
    this.byNo.clear();
    this.touched.clear();
  }

  /** Called before a list is fetched: seats changed by events after this mark keep their newer state. */
  mark() {
    return this.sequence;
  }

  load(list, since) {
    for (const seat of list) {
      if ((this.touched.get(seat.no) ?? -1) > since) continue; // an event newer than this list already arrived
      this.byNo.set(seat.no, seat);
    }
  }

  /** Applies a seat.changed event; returns the updated seat, or null when the seat is not known yet. */
  applyChange(event) {
    const seat = this.byNo.get(event.seat);
    const after = event.after;
    if (!seat || !after) return null;
    const next = {
      ...seat,
      status: after.status ?? seat.status,
      rounds: {done: after.roundsDone ?? seat.rounds?.done, total: after.roundsTotal ?? seat.rounds?.total},
      leader: after.leader ?? null,
      margin: after.margin ?? null,
      updatedAt: event.at ?? seat.updatedAt,
    };
    this.byNo.set(seat.no, next);
    this.touched.set(seat.no, ++this.sequence);
    return next;
  }

  /** seat.overridden / override.released: marks the seat at once (the refetched list confirms it). */
  applyOverride(event, released = false) {
    const seat = this.byNo.get(event.seat);
    if (!seat) return null;
    const next = released
      ? {...seat, overridden: null}
      : {...seat, overridden: {id: event.overrideId, at: event.at, reason: event.reason},
        status: event.status ?? seat.status, leader: event.leader ?? seat.leader};
    this.byNo.set(seat.no, next);
    this.touched.set(seat.no, ++this.sequence);
    return next;
  }

  get(no) {
    return this.byNo.get(no);
  }

  name(no) {
    return this.byNo.get(no)?.name ?? '';
  }

  all() {
    return [...this.byNo.values()].sort((a, b) => a.no - b.no);
  }
}
