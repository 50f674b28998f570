package io.tallycast.cli;

import io.tallycast.stream.output.RecordingPolicy;
import picocli.CommandLine.Option;

/** The recording's disk policy as the commands that record (demo, stream) take it: one set of options, one parse. */
final class RecordingOptions {
  @Option(names = "--disk-floor", defaultValue = RecordingPolicy.DEFAULT_FLOOR, paramLabel = "SIZE_OR_PERCENT",
      description = "free space the recording always leaves on its disk (1G, 500M, 5%%): below it the recording stops "
          + "(the ingests go on) until there is this much and 512 MB more. Default: ${DEFAULT-VALUE}")
  String diskFloor;

  @Option(names = "--keep-recordings", defaultValue = RecordingPolicy.DEFAULT_KEEP, paramLabel = "AGE",
      description = "finished segments older than this are deleted (24h, 90m; 0 keeps all). Default: ${DEFAULT-VALUE}")
  String keepRecordings;

  @Option(names = "--keep-recordings-size", paramLabel = "SIZE", description = "the oldest finished segments are "
      + "deleted while all of them take more than this (50G); default: no size limit")
  String keepRecordingsSize;

  RecordingPolicy policy() {
    return RecordingPolicy.parse(diskFloor, keepRecordings, keepRecordingsSize);
  }
}
