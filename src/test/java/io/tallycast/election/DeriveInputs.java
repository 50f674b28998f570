package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tallycast.derive.DeriveData;
import io.tallycast.derive.SourceProblem;
import io.tallycast.support.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What tests of {@code derive-data} share: a copy of its inputs laid out like ../shared/data with one file changed,
 * an output folder holding an earlier derivation, and the check that a refused run leaves that output be.
 */
final class DeriveInputs {
  /** Every file derive-data reads. */
  static final List<String> INPUTS = inputs();

  private DeriveInputs() {
  }

  private static List<String> inputs() {
    List<String> all = new ArrayList<>(List.of("parties/colors-electionlens.csv", "parties/colors-143prudhvi.csv",
        SharedSources.RESULTS_2016, SharedSources.RESULTS_2021, SharedSources.RESULTS_2026, SharedSources.ECI_JSON,
        SharedSources.SNAPSHOTS, SharedSources.PHASES_2021, "lok-sabha-2024/results-2024.csv"));
    for (String folder : SharedSources.FIVE_STATES_FOLDERS) {
      all.add(SharedSources.electionLensFile(folder, 2021));
      all.add(SharedSources.electionLensFile(folder, 2016));
    }
    return List.copyOf(all);
  }

  /** Every file under a folder (relative path to bytes). */
  static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** A copy of the inputs under {@code dir}/shared, the file {@code changed} (its text, unzipped) edited. */
  static Path sharedWith(Path dir, String changed, UnaryOperator<String> edit) throws IOException {
    Path copy = dir.resolve("shared");
    for (String input : INPUTS) {
      Path from = SharedData.file(input);
      Path to = copy.resolve(input);
      Files.createDirectories(to.getParent());
      if (!input.equals(changed)) {
        Files.copy(from, to);
      } else if (input.endsWith(".gz")) {
        String text;
        try (var in = new GZIPInputStream(Files.newInputStream(from))) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
          out.write(edit.apply(text).getBytes(StandardCharsets.UTF_8));
        }
      } else {
        Files.writeString(to, edit.apply(Files.readString(from, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      }
    }
    return copy;
  }

  /** An output folder holding an earlier derivation (here: a marker), to see that a refused run leaves it be. */
  static Path existingOutput(Path dir) throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("wb2021"));
    Files.writeString(out.resolve("parties.csv"), "code,name,color,eci,aliases\nX,Earlier,#000000,,\n");
    Files.writeString(out.resolve("wb2021/seats.csv"), "earlier\n");
    return out;
  }

  /** derive-data refuses {@code shared} with a message holding every part, and the earlier output is untouched. */
  static void assertRefusedAndUntouched(Path dir, Path shared, String... messageParts) throws IOException {
    Path out = existingOutput(dir);
    Map<String, byte[]> before = tree(out);
    assertThatThrownBy(() -> DeriveData.run(shared, out)).isInstanceOf(SourceProblem.class)
        .message().contains(messageParts);
    assertThat(tree(out)).containsOnlyKeys(before.keySet());
    before.forEach((path, bytes) -> assertThat(out.resolve(path)).hasBinaryContent(bytes));
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("parties.csv", "wb2021");
    }
  }
}
