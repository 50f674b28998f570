package io.tallycast.cli;

import io.tallycast.stream.StreamSettings;
import io.tallycast.stream.StreamVerticle;
import io.tallycast.stream.output.Destination;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code --channel} of the demo: {@code name=second,scene=tally,state=S03,size=1280x720,fps=30,bitrate=2500k,cbr,
 * out=PATH-or-rtmp-url} (out repeatable). Sizes and bitrates are parsed as the stream flags' are
 * ({@link StreamSettings}), with the same defaults; the recording's segment length and disk policy are the main
 * stream's flags. Without {@code out} it records to {@code recordings/NAME.mkv} in the data dir.
 */
final class ChannelFlag {
  private static final List<String> KEYS = List.of("name", "scene", "state", "size", "fps", "bitrate", "cbr", "out");

  private ChannelFlag() {
  }

  /**
   * @param main       the main stream's flags (segment, disk floor, retention)
   * @param recordings the demo's recordings folder
   */
  static StreamVerticle.Settings parse(String text, StreamFlags main, Path recordings) {
    Map<String, String> keys = new LinkedHashMap<>();
    List<String> outs = new ArrayList<>();
    for (String item : text.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      int eq = item.indexOf('=');
      String key = (eq < 0 ? item : item.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : item.substring(eq + 1).strip();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("--channel: unknown key '" + key + "' (keys: "
            + String.join(", ", KEYS) + ")");
      }
      if (key.equals("out")) {
        if (value.isEmpty()) {
          throw new IllegalArgumentException("--channel: out= needs a recording path or an rtmp:// URL");
        }
        outs.add(value);
      } else if (keys.put(key, value) != null) {
        throw new IllegalArgumentException("--channel: '" + key + "' is given twice");
      }
    }
    String name = keys.get("name");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("--channel: needs name=NAME (and scene, size, out...)");
    }
    try {
      StreamSettings settings = StreamSettings.parse(keys.get("size"), fps(keys.get("fps")), keys.get("bitrate"),
          keys.containsKey("cbr") && !"false".equalsIgnoreCase(keys.get("cbr")), main.segment, main.diskFloor,
          main.keepRecordings, main.keepRecordingsSize);
      List<Destination> destinations = new ArrayList<>();
      for (String out : outs) {
        destinations.add(settings.out(out));
      }
      if (destinations.isEmpty()) {
        destinations.add(settings.recordingAt(recordings.resolve(name + ".mkv")));
      }
      return new StreamVerticle.Settings(name, keys.get("scene"), keys.get("state"), settings.config(destinations),
          true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--channel " + name + ": " + e.getMessage(), e);
    }
  }

  private static Integer fps(String text) {
    try {
      return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fps is a whole number: " + text);
    }
  }
}
