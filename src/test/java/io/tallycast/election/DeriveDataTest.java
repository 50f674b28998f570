package io.tallycast.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.tallycast.Main;
import io.tallycast.derive.DeriveData;
import io.tallycast.support.SharedData;
import io.tallycast.support.SlowTier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tallycast derive-data} (io.tallycast.derive; tested here, beside the data it makes): what is committed under
 * src/main/resources/elections is exactly what the command makes from ../shared/data, and bad input is refused with
 * file, line and problem, leaving the output untouched.
 */
@SlowTier
class DeriveDataTest {
  static final Path COMMITTED = Path.of("src/main/resources/elections");

  @TempDir
  Path dir;

  private Path sharedWith(String changed, UnaryOperator<String> edit) throws IOException {
    return DeriveInputs.sharedWith(dir, changed, edit);
  }

  private void assertRefusedAndUntouched(Path shared, String... messageParts) throws IOException {
    DeriveInputs.assertRefusedAndUntouched(dir, shared, messageParts);
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    return DeriveInputs.tree(root);
  }

  /** The first line that differs, for a readable failure (the files are large). */
  static String firstDifference(byte[] made, byte[] committed) {
    String[] a = new String(made, StandardCharsets.UTF_8).split("\n", -1);
    String[] b = new String(committed, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "(end)";
      String y = i < b.length ? b[i] : "(end)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ": made '" + x + "', committed '" + y + "'";
      }
    }
    return "same text, different bytes";
  }

  @Test
  void the_committed_election_data_is_byte_for_byte_what_derive_data_makes_from_the_shared_data() throws Exception {
    Path out = dir.resolve("elections");
    List<DeriveData.Written> written = DeriveData.run(SharedData.file("."), out);
    Map<String, byte[]> made = tree(out);
    Map<String, byte[]> committed = tree(COMMITTED);
    assertThat(made.keySet()).isEqualTo(committed.keySet());
    made.forEach((path, bytes) -> assertThat(Arrays.equals(bytes, committed.get(path)))
        .as(() -> path + " differs from the committed file (run ./tallycast derive-data and commit): "
            + firstDifference(bytes, committed.get(path))).isTrue());
    assertThat(written).extracting(DeriveData.Written::path).containsExactlyElementsOf(made.keySet());
    // the project's formats: UTF-8 without a byte-order mark, LF line ends
    made.forEach((path, bytes) -> {
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).as(path).doesNotStartWith("\uFEFF").doesNotContain("\r").endsWith("\n");
    });
  }

  @Test
  void a_run_replaces_an_earlier_output_and_a_second_run_with_the_same_bytes_rewrites_nothing() throws Exception {
    Path out = DeriveInputs.existingOutput(dir);
    Files.writeString(out.resolve("README.md"), "not ours\n");
    DeriveData.run(SharedData.file("."), out);
    Map<String, byte[]> first = tree(out);
    FileTime written = Files.getLastModifiedTime(out.resolve("wb2026/timeline.csv"));
    Files.setLastModifiedTime(out.resolve("wb2026/timeline.csv"), FileTime.fromMillis(written.toMillis() - 60_000));
    DeriveData.run(SharedData.file("."), out);
    assertThat(Files.getLastModifiedTime(out.resolve("wb2026/timeline.csv")).toMillis())
        .isEqualTo(written.toMillis() - 60_000);
    Map<String, byte[]> second = tree(out);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    second.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(first.get(path)));
    assertThat(out.resolve("README.md")).hasContent("not ours");
    assertThat(out.resolve("wb2021/seats.csv")).content().startsWith("ac_no,ac_name,ac_type,district,rounds,phase\n");
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".derive-"));
    }
  }

  @Test
  void an_unknown_party_label_in_the_2026_results_is_refused_naming_the_label_file_and_line() throws Exception {
    Path shared = sharedWith(SharedSources.RESULTS_2026, text -> text.replaceFirst(
        "\n(2,2 - MATHABHANGA \\(West Bengal\\),24,24,1,KSHITENDRA NATH BARMAN,)Indian National Congress,",
        "\n$1Party Of Nowhere,"));
    assertRefusedAndUntouched(shared, "west-bengal/results-2026.csv line 14", "unknown party 'Party Of Nowhere'");
  }

  @Test
  void a_seat_missing_from_the_2026_results_is_refused() throws Exception {
    Path shared = sharedWith(SharedSources.RESULTS_2026, text -> text.replaceAll("\n294,[^\n]*", ""));
    assertRefusedAndUntouched(shared, "west-bengal/results-2026.csv", "seats [294] are missing");
  }

  @Test
  void a_counting_day_row_for_a_seat_not_in_the_results_is_refused_with_its_line() throws Exception {
    Path shared = sharedWith(SharedSources.SNAPSHOTS, text -> text.replaceFirst("\\[294, ", "[295, "));
    assertRefusedAndUntouched(shared, "list-snapshots.jsonl.gz line 2",
        "seat 295 is not in west-bengal/results-2026.csv");
  }

  @Test
  void a_counting_day_leader_who_is_not_among_the_seats_candidates_is_refused() throws Exception {
    Path shared = sharedWith(SharedSources.SNAPSHOTS,
        text -> text.replaceFirst("\"DADHIRAM RAY\"", "\"DADHIRAM ROY\""));
    assertRefusedAndUntouched(shared, "list-snapshots.jsonl.gz line 2",
        "seat 1: leader 'DADHIRAM ROY' (BJP) is not among the seat's candidates");
  }

  @Test
  void the_command_exits_2_with_the_reason_on_bad_input_and_lists_the_files_it_wrote_otherwise() throws Exception {
    Path shared = sharedWith(SharedSources.RESULTS_2021, text -> text.replaceFirst(",AITC,", ",ZZZ,"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Path target = dir.resolve("elections");
    assertThat(cli.execute("derive-data", "--shared", shared.toString(), "--out", target.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("tallycast derive-data: west-bengal/results-2021.csv line 2: unknown party "
        + "'ZZZ'").contains("nothing written");
    assertThat(target).doesNotExist();

    assertThat(cli.execute("derive-data", "--shared", SharedData.file(".").toString(), "--out", target.toString()))
        .isEqualTo(0);
    assertThat(out.toString()).contains("wb2026/timeline.csv").contains("ls2024/group.properties")
        .contains("137 files from");
    assertThat(target.resolve("parties.csv")).exists();
  }
}
