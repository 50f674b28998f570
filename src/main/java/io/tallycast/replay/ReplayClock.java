package io.tallycast.replay;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated time: {@code elapsed = anchorElapsed + (paused ? 0 : (now - anchorWall) * speed)} seconds since 08:00 IST,
 * slower only where a real day's moments must each stay on the site for a minimum of wall time ({@link Pacing}).
 * With a state file, every change (and the start) is written atomically, and a start finds the replay where it
 * would be had it never stopped: simulated time does not go backwards across a kill -9 and restart.
 * Changes write a small file when a state file is set: call them off the event loop.
 */
public final class ReplayClock {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayClock.class);

  private final LongSupplier wallMillis;
  private final Path stateFile;
  private final long finishSeconds;
  private final CountingDay day;
  private final Pacing pacing;
  private long anchorWall;
  private double anchorElapsed;
  private double speed;
  private boolean paused;
  private double lastSeen;

  private ReplayClock(LongSupplier wallMillis, Path stateFile, long finishSeconds, CountingDay day, Pacing pacing) {
    this.wallMillis = wallMillis;
    this.stateFile = stateFile;
    this.finishSeconds = finishSeconds;
    this.day = day;
    this.pacing = pacing;
  }

  /** A clock that counts from 08:00 at {@code speed}, or continues from {@code stateFile} when it exists. */
  public static ReplayClock start(double speed, Path stateFile, long finishSeconds) {
    return start(speed, stateFile, finishSeconds, System::currentTimeMillis);
  }

  /**
   * The clock of a replayed day: each of its moments stays on the site for at least {@code minDwellMillis} of wall
   * time (see {@link Pacing}).
   */
  public static ReplayClock start(CountingModel model, double speed, Path stateFile, long minDwellMillis) {
    return start(speed, stateFile, model.totalDurationSeconds(), model.day(),
        new Pacing(model.moments(), minDwellMillis), System::currentTimeMillis);
  }

  static ReplayClock start(double speed, Path stateFile, long finishSeconds, LongSupplier wallMillis) {
    return start(speed, stateFile, finishSeconds, CountingDay.on(java.time.LocalDate.of(2021, 5, 2)), Pacing.NONE,
        wallMillis);
  }

  static ReplayClock start(double speed, Path stateFile, long finishSeconds, CountingDay day, Pacing pacing,
                           LongSupplier wallMillis) {
    checkSpeed(speed);
    ReplayClock clock = new ReplayClock(wallMillis, stateFile, finishSeconds, day, pacing);
    long now = wallMillis.getAsLong();
    if (stateFile != null && Files.exists(stateFile)) {
      clock.load();
      if (clock.speed != speed) {
        // keep the simulated present, count on at the newly asked speed
        clock.anchorElapsed = clock.elapsedAt(now);
        clock.anchorWall = now;
        clock.speed = speed;
      }
      LOG.info("replay clock continues from {} at {} simulated s, speed {}{}", stateFile,
          Math.round(clock.elapsedAt(now)), clock.speed, clock.paused ? " (paused)" : "");
    } else {
      clock.anchorWall = now;
      clock.anchorElapsed = 0;
      clock.speed = speed;
      clock.paused = false;
    }
    clock.save();
    return clock;
  }

  static void checkSpeed(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("replay speed must be a positive number, not " + speed);
    }
  }

  /** Simulated seconds since 08:00 IST; never less than a value returned before (a wall clock may step back). */
  public synchronized double elapsedSeconds() {
    lastSeen = Math.max(lastSeen, elapsedAt(wallMillis.getAsLong()));
    return lastSeen;
  }

  private double elapsedAt(long now) {
    return paused ? anchorElapsed : pacing.advance(anchorElapsed, now - anchorWall, speed);
  }

  public synchronized void pause() {
    if (!paused) {
      reanchor();
      paused = true;
      save();
    }
  }

  public synchronized void resume() {
    if (paused) {
      anchorWall = wallMillis.getAsLong();
      paused = false;
      save();
    }
  }

  /** Jumps forward; time never goes back, as the results would then shrink. */
  public synchronized void advance(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("can only advance by a positive number of seconds, not " + seconds);
    }
    reanchor();
    anchorElapsed += seconds;
    save();
  }

  public synchronized void setSpeed(double value) {
    checkSpeed(value);
    reanchor();
    speed = value;
    save();
  }

  public synchronized double speed() {
    return speed;
  }

  public synchronized boolean paused() {
    return paused;
  }

  /** True once every seat is declared. */
  public boolean finished() {
    return elapsedSeconds() >= finishSeconds;
  }

  /** The clock as the control API shows it. */
  public JsonObject toJson() {
    double elapsed = elapsedSeconds();
    return new JsonObject()
        .put("elapsedSeconds", elapsed)
        .put("speed", speed())
        .put("paused", paused())
        .put("finished", elapsed >= finishSeconds)
        .put("simulatedTime", day.at(elapsed).toString());
  }

  private void reanchor() {
    long now = wallMillis.getAsLong();
    anchorElapsed = Math.max(lastSeen, elapsedAt(now));
    anchorWall = now;
  }

  private void load() {
    try {
      JsonObject state = new JsonObject(Files.readString(stateFile, StandardCharsets.UTF_8));
      anchorWall = state.getLong("anchorWall");
      anchorElapsed = state.getDouble("anchorElapsed");
      speed = state.getDouble("speed");
      paused = state.getBoolean("paused");
      checkSpeed(speed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the replay clock state " + stateFile, e);
    } catch (RuntimeException e) {
      // refuse rather than restart from 08:00: going back in time would make the scraper see votes go down
      throw new IllegalStateException("the replay clock state " + stateFile + " is unreadable (" + e.getMessage()
          + "); delete it to start the replay from 08:00", e);
    }
  }

  private void save() {
    if (stateFile == null) {
      return;
    }
    String json = new JsonObject().put("anchorWall", anchorWall).put("anchorElapsed", anchorElapsed)
        .put("speed", speed).put("paused", paused).encode();
    try {
      Path dir = stateFile.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, stateFile.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        try {
          Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the replay clock state " + stateFile, e);
    }
  }
}
