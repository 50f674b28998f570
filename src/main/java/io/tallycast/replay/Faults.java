package io.tallycast.replay;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The faults switched on right now; the same operations as {@code /_replay/faults}, for in-process tests. */
public final class Faults {
  private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

  private final Map<String, Fault> active = new ConcurrentHashMap<>();
  /** For {@link Fault#FROZEN}: the simulated time its pages stay at, taken when it was switched on. */
  private volatile double frozenAt;
  private final java.util.function.DoubleSupplier now;

  /** @param now the replay's simulated time, for freezing pages where they are when a fault is switched on */
  public Faults(java.util.function.DoubleSupplier now) {
    this.now = now;
  }

  public Faults() {
    this(() -> 0);
  }

  /** Switches a fault on with its defaults. */
  public Fault on(String name) {
    return on(Fault.of(name));
  }

  /** Switches a fault on, replacing the same fault's earlier options. */
  public Fault on(Fault fault) {
    if (Fault.FROZEN.equals(fault.name())) {
      frozenAt = now.getAsDouble();
    }
    active.put(fault.name(), fault);
    LOG.info("replay fault ON: {}", fault.toJson().encode());
    return fault;
  }

  /** The simulated time the frozen fault holds its pages at: when it was (last) switched on. */
  double frozenAt() {
    return frozenAt;
  }

  /** Switches a fault off; false if it was not on. */
  public boolean off(String name) {
    if (!Fault.NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown fault '" + name + "'; known: " + Fault.NAMES);
    }
    boolean was = active.remove(name) != null;
    if (was) {
      LOG.info("replay fault OFF: {}", name);
    }
    return was;
  }

  public void clear() {
    if (!active.isEmpty()) {
      LOG.info("replay faults all OFF (were {})", active.keySet());
    }
    active.clear();
  }

  public List<Fault> active() {
    List<Fault> list = new ArrayList<>();
    for (String name : Fault.NAMES) {
      Fault f = active.get(name);
      if (f != null) {
        list.add(f);
      }
    }
    return list;
  }

  public boolean isOn(String name) {
    return active.containsKey(name);
  }

  JsonArray toJson() {
    JsonArray out = new JsonArray();
    active().forEach(f -> out.add(f.toJson()));
    return out;
  }

  /** The named fault if it is on and touches that page, else null. */
  Fault applying(String name, PageRef page) {
    Fault f = active.get(name);
    return f != null && f.appliesTo(page) ? f : null;
  }

  boolean anyApplies(PageRef page) {
    for (Fault f : active.values()) {
      if (f.appliesTo(page)) {
        return true;
      }
    }
    return false;
  }
}
