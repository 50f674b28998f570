package io.tallycast.election;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * derive-data refuses a Lok Sabha 2024 file it cannot trust, naming file and line, and leaves the earlier output be:
 * each test breaks one line of a copy of the real file.
 */
class LokSabha2024RefusalTest {
  private static final String FILE = "lok-sabha-2024/results-2024.csv";

  @TempDir
  Path dir;

  /** The real file with its line {@code line} (from 1) replaced by what {@code edit} makes of it. */
  private Path withLine(int line, UnaryOperator<String> edit) throws Exception {
    return DeriveInputs.sharedWith(dir, FILE, text -> {
      String[] lines = text.split("\n", -1);
      lines[line - 1] = edit.apply(lines[line - 1]);
      return String.join("\n", lines);
    });
  }

  @Test
  void a_pc_code_that_is_not_a_state_and_a_seat_is_refused_naming_the_line() throws Exception {
    Path shared = withLine(5, l -> l.replaceFirst(",S01(\\d+),", ",X01$1,"));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, FILE + " line 5", "PC code 'X01");
  }

  @Test
  void a_dash_for_the_votes_of_a_contested_candidate_is_refused() throws Exception {
    Path shared = withLine(3, l -> {
      Matcher m = Pattern.compile("^((?:[^,]*,){7})[^,]*,").matcher(l);
      return m.replaceFirst("$1-,");
    });
    DeriveInputs.assertRefusedAndUntouched(dir, shared, FILE + " line 3", "evm_votes is not a whole number: '-'");
  }

  @Test
  void votes_that_do_not_add_up_are_refused() throws Exception {
    Path shared = withLine(2, l -> l.replaceFirst("^((?:[^,]*,){9})(\\d+),", "$10,"));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, FILE + " line 2", "is not the total 0");
  }

  @Test
  void a_seat_named_two_ways_under_one_number_is_refused_naming_the_line_of_the_second() throws Exception {
    Path shared = withLine(2, l -> l.replaceFirst(",ARAKU,", ",ARAKKU,"));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, FILE + " line 2", "seat S01 1 is ARAKKU here but ARAKU");
  }
}
