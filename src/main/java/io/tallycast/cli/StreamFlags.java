package io.tallycast.cli;

import io.tallycast.stream.StreamDefaults;
import io.tallycast.stream.StreamOptions;
import io.tallycast.stream.StreamSettings;
import io.tallycast.stream.output.Destination;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The stream's flags as the commands that stream (demo, stream) take them: one set of options, their defaults from
 * {@link StreamDefaults} (the YAML of serve takes the same), parsed once by {@link StreamSettings#parse}.
 */
final class StreamFlags {
  @Option(names = {"--size", "--stream-size"}, defaultValue = StreamDefaults.SIZE, paramLabel = "WIDTHxHEIGHT",
      description = "the picture: the overlay's full size or 1280x720. Default: ${DEFAULT-VALUE}")
  String size;

  @Option(names = "--fps", defaultValue = StreamDefaults.FPS, description = "Default: ${DEFAULT-VALUE}")
  Integer fps;

  @Option(names = "--bitrate", defaultValue = StreamDefaults.BITRATE, description = "video bitrate (4500k, 6M). "
      + "Default: ${DEFAULT-VALUE}")
  String bitrate;

  @Option(names = "--cbr", description = "constant bitrate (nal-hrd=cbr, minrate = maxrate = bitrate)")
  boolean cbr;

  @Option(names = "--segment", defaultValue = StreamDefaults.SEGMENT, description = "recording segment length "
      + "(rounded up to the 2 s keyframe interval). Default: ${DEFAULT-VALUE}")
  String segment;

  @Option(names = "--youtube-key-file", paramLabel = "FILE", description = "stream to YouTube with the key in FILE "
      + "(or set YOUTUBE_STREAM_KEY)")
  Path youtubeKeyFile;

  @Option(names = "--disk-floor", defaultValue = StreamDefaults.DISK_FLOOR, paramLabel = "SIZE_OR_PERCENT",
      description = "free space the recording always leaves on its disk (1G, 500M, 5%%): below it the recording stops "
          + "(the ingests go on) until there is this much and 512 MB more. Default: ${DEFAULT-VALUE}")
  String diskFloor;

  @Option(names = "--keep-recordings", defaultValue = StreamDefaults.KEEP_RECORDINGS, paramLabel = "AGE",
      description = "finished segments older than this are deleted (24h, 90m; 0 keeps all). Default: ${DEFAULT-VALUE}")
  String keepRecordings;

  @Option(names = "--keep-recordings-size", paramLabel = "SIZE", description = "the oldest finished segments are "
      + "deleted while all of them take more than this (50G); default: no size limit")
  String keepRecordingsSize;

  StreamSettings settings() {
    return StreamSettings.parse(size, fps, bitrate, cbr, segment, diskFloor, keepRecordings, keepRecordingsSize);
  }

  /** YouTube at this ingest, when a key is in --youtube-key-file or YOUTUBE_STREAM_KEY. */
  Optional<Destination> youtube(String ingest) throws IOException {
    return StreamOptions.youtube(youtubeKeyFile, ingest);
  }
}
