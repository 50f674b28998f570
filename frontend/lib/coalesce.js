// Bursts of push events (a scrape cycle commits dozens at once, a reconnect replays hundreds) must not turn into
// bursts of requests and repaints. coalesce() wraps an async refresh so that:
//  - the first call after a quiet spell runs at once (on the next task, so a synchronous burst is one run);
//  - calls while a run is in flight, or within minGapMs of the last start, collapse into ONE more run, started after
//    the gap; that run starts after the last call, so it always sees the newest data.

export function coalesce(run, minGapMs = 250) {
  let running = false;
  let pending = false;
  let timer = null;
  let lastStart = -Infinity;

  const start = async () => {
    timer = null;
    pending = false;
    running = true;
    lastStart = Date.now();
    try {
      await run();
    } catch (e) {
      console.warn('refresh failed', e); // the next event or reconnection retries
    } finally {
      running = false;
      if (pending) schedule();
    }
  };

  const schedule = () => {
    if (timer !== null) return;
    timer = setTimeout(start, Math.max(0, lastStart + minGapMs - Date.now()));
  };

  const request = () => {
    pending = true;
    if (!running) schedule();
  };

  /** Forgets the gap: used on (re)connection, when fresh data matters more than the rate. */
  request.now = () => {
    lastStart = -Infinity;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    request();
  };
  return request;
}
