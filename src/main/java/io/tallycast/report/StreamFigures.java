package io.tallycast.report;

import io.tallycast.store.NightRecord.StreamSample;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The stream's trouble over a window, per channel and summed: frames dropped and repeated, reconnects (summed over the
 * channel's destinations), browser restarts and encoder adaptations. A sample's counters are its stream's own since
 * that stream started and go back to 0 when it is started again, so a counter's count over the window is the sum of
 * its increases from sample to sample, a decrease being a restart (the new stream's value is all new). The first
 * sample counts from the channel's last sample before the window when that one was running (the same stream goes
 * on), else from 0 (a broadcast opens when its stream starts).
 */
public final class StreamFigures {
  private StreamFigures() {
  }

  public static Summary.Stream of(List<StreamSample> before, List<StreamSample> window) {
    Map<String, StreamSample> baseline = new TreeMap<>();
    before.stream().filter(s -> "running".equals(s.state())).forEach(s -> baseline.put(s.channel(), s));
    Map<String, List<StreamSample>> byChannel = byChannel(window);
    if (byChannel.isEmpty()) {
      return Summary.Stream.NONE;
    }
    List<Summary.Channel> channels = new ArrayList<>();
    for (Map.Entry<String, List<StreamSample>> e : byChannel.entrySet()) {
      StreamSample base = baseline.get(e.getKey());
      List<StreamSample> samples = e.getValue();
      channels.add(new Summary.Channel(e.getKey(), samples.size(),
          increase(base, samples, StreamSample::dropped), increase(base, samples, StreamSample::repeated),
          increase(base, samples, StreamFigures::reconnects), increase(base, samples, StreamSample::browserRestarts),
          increase(base, samples, StreamSample::encoderChanges)));
    }
    Summary.Channel all = new Summary.Channel("all", channels.stream().mapToInt(Summary.Channel::samples).sum(),
        sum(channels, Summary.Channel::dropped), sum(channels, Summary.Channel::repeated),
        sum(channels, Summary.Channel::reconnects), sum(channels, Summary.Channel::browserRestarts),
        sum(channels, Summary.Channel::encoderChanges));
    return new Summary.Stream(channels, all);
  }

  /** The window's samples of each channel, oldest first. */
  static Map<String, List<StreamSample>> byChannel(List<StreamSample> window) {
    Map<String, List<StreamSample>> out = new TreeMap<>();
    window.forEach(s -> out.computeIfAbsent(s.channel(), c -> new ArrayList<>()).add(s));
    out.values().forEach(list -> list.sort(Comparator.comparing(StreamSample::at)));
    return out;
  }

  /** A counter's count over the samples (see the class comment). */
  static long increase(StreamSample base, List<StreamSample> samples, ToLongFunction<StreamSample> counter) {
    long[] cumulative = cumulative(base, samples, counter);
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** The counter's count up to each sample: the dropped-frames line of the stream chart. */
  static long[] cumulative(StreamSample base, List<StreamSample> samples, ToLongFunction<StreamSample> counter) {
    long[] out = new long[samples.size()];
    long previous = base == null ? 0 : counter.applyAsLong(base);
    long sum = 0;
    for (int i = 0; i < samples.size(); i++) {
      long value = counter.applyAsLong(samples.get(i));
      sum += value >= previous ? value - previous : value;
      previous = value;
      out[i] = sum;
    }
    return out;
  }

  /** The reconnects of a sample: the sum of its destinations' (the channel's own count when it lists none). */
  static long reconnects(StreamSample s) {
    if (s.destinations() == null || s.destinations().isEmpty()) {
      return s.reconnects();
    }
    long sum = 0;
    for (Object d : s.destinations()) {
      if (d instanceof JsonObject o) {
        sum += o.getLong("reconnects", 0L);
      }
    }
    return sum;
  }

  private static long sum(List<Summary.Channel> channels, ToLongFunction<Summary.Channel> f) {
    return channels.stream().mapToLong(f).sum();
  }
}
