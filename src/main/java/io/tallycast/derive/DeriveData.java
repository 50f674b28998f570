package io.tallycast.derive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Derives the election data the running program needs from the third-party reference data (../shared/data) into the
 * project's own formats: elections/parties.csv, elections/wb2021/ and elections/wb2026/, the four other states counted
 * on 2 May 2021 (as2021/, kl2021/, py2021/, tn2021/) and that day's election of five states, may2021/, and the
 * Lok Sabha 2024, ls2024/ (its 36 states' sets and the election of them all; see the README). The same input gives
 * the same bytes. Every input is read and checked before anything is written; the files are then written into a
 * staging folder beside the output and moved into place, so bad input leaves the output untouched.
 */
public final class DeriveData {
  /** What was written: a path relative to the output folder and its size. */
  public record Written(String path, long bytes) {
  }

  private DeriveData() {
  }

  /** Reads and checks everything, then writes; a {@link SourceProblem} names file, line and problem. */
  public static List<Written> run(Path shared, Path out) throws IOException {
    SortedMap<String, String> files = derive(shared);
    publish(out, files);
    List<Written> written = new ArrayList<>();
    files.forEach((path, text) -> written.add(new Written(path, text.getBytes(StandardCharsets.UTF_8).length)));
    return written;
  }

  /** Every output file's path (relative to the output folder) and text, nothing written yet. */
  static SortedMap<String, String> derive(Path shared) throws IOException {
    if (!Files.isDirectory(shared)) {
      throw new SourceProblem(shared.toString(), 0, "no such folder (the reference data lives in ../shared/data "
          + "beside the clone)");
    }
    PartyTable parties = new PartyTable();
    ResultSources.Result year2016 = ResultSources.read2016(shared, parties);
    ResultSources.Result year2021 = ResultSources.read2021(shared, parties);
    sameSeats(year2021, year2016);
    SortedMap<Integer, Integer> phases2021 = PollingPhases.read(shared, year2021);
    List<May2021.Results> otherStates = May2021.read(shared, parties);
    ResultSources.Result year2026 = ResultSources.read2026(shared, parties, year2021);
    sameSeats(year2021, year2026);
    EciLiveJson.learn(shared, "S25", year2026, parties);
    List<CountingDaySource.Snapshot> day2026 = CountingDaySource.read(shared, parties, year2026);
    List<LokSabha2024.State> lokSabha = LokSabha2024.read(shared, parties);

    SortedMap<String, String> files = new TreeMap<>();
    Map<String, Long> votes = new TreeMap<>();
    List<ResultSources.Result> all = new ArrayList<>(List.of(year2016, year2021, year2026));
    otherStates.forEach(s -> all.addAll(List.of(s.year2021(), s.year2016())));
    all.forEach(r -> r.candidates().forEach(c -> votes.merge(c.party(), c.votes(), Long::sum)));
    Map<String, Long> lokSabhaVotes = new TreeMap<>();
    lokSabha.forEach(s -> s.result().candidates().forEach(c -> lokSabhaVotes.merge(c.party(), c.votes(), Long::sum)));
    ElectionFiles.addParties(files, parties.parties(shared, votes, lokSabhaVotes));
    ElectionFiles.add(files, ElectionFiles.WB2021, year2021, year2016, phases2021);
    ElectionFiles.add(files, ElectionFiles.WB2026, year2026, year2021, Map.of());
    TimelineFiles.add(files, ElectionFiles.WB2026.id(), day2026);
    May2021.add(files, otherStates);
    LokSabha2024.add(files, lokSabha);
    return files;
  }

  /** Two results of one delimitation cover the same seats: one missing from either is refused. */
  private static void sameSeats(ResultSources.Result reference, ResultSources.Result other) {
    for (var pair : List.of(List.of(reference, other), List.of(other, reference))) {
      TreeSet<Integer> missing = new TreeSet<>(pair.get(0).seats().keySet());
      missing.removeAll(pair.get(1).seats().keySet());
      if (!missing.isEmpty()) {
        throw new SourceProblem(pair.get(1).file(), 0, "seats " + missing + " are missing (they are in "
            + pair.get(0).file() + ")");
      }
    }
  }

  /**
   * Writes the files into a staging folder inside {@code out}, then moves each top-level entry (parties.csv, wb2021/,
   * wb2026/, ...) into place; entries of {@code out} that this command does not make are left alone. When {@code out}
   * already holds exactly these bytes, nothing is rewritten.
   */
  static void publish(Path out, Map<String, String> files) throws IOException {
    if (unchanged(out, files)) {
      return; // same bytes already there: leave the files (and their times, which the launcher's rebuild checks) be
    }
    Files.createDirectories(out);
    removeStaleStaging(out);
    Path staging = Files.createTempDirectory(out, ".derive-");
    try {
      TreeSet<String> entries = new TreeSet<>();
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = staging.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
        entries.add(f.getKey().split("/", 2)[0]);
      }
      Path old = Files.createDirectory(staging.resolve(".old"));
      for (String entry : entries) {
        Path target = out.resolve(entry);
        if (Files.exists(target)) {
          Files.move(target, old.resolve(entry), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging.resolve(entry), target, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      deleteTree(staging);
    }
  }

  /** True when out already holds exactly these files with these bytes (and nothing else in our folders). */
  private static boolean unchanged(Path out, Map<String, String> files) throws IOException {
    for (String entry : new TreeSet<>(files.keySet().stream().map(p -> p.split("/", 2)[0]).toList())) {
      Path top = out.resolve(entry);
      if (Files.isDirectory(top)) {
        try (Stream<Path> all = Files.walk(top)) {
          if (all.filter(Files::isRegularFile).anyMatch(p -> !files.containsKey(out.relativize(p).toString()
              .replace('\\', '/')))) {
            return false;
          }
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = out.resolve(f.getKey());
      if (!Files.isRegularFile(file)
          || !Arrays.equals(Files.readAllBytes(file), f.getValue().getBytes(StandardCharsets.UTF_8))) {
        return false;
      }
    }
    return true;
  }

  /** A run killed between staging and moving leaves its staging folder: the next run removes it. */
  private static void removeStaleStaging(Path out) throws IOException {
    try (Stream<Path> entries = Files.list(out)) {
      for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(".derive-")).toList()) {
        deleteTree(p);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
