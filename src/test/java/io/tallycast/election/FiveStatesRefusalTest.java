package io.tallycast.election;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * derive-data refuses bad input of the four other states of 2 May 2021 and of West Bengal's polling phases, naming
 * file, line or seat and the problem, and writes nothing (the earlier output stays as it was). Each case changes one
 * real file in a copy of ../shared/data.
 */
class FiveStatesRefusalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ASSAM_2021 = SharedSources.electionLensFile("assam", 2021);
  private static final String KERALA_2021 = SharedSources.electionLensFile("kerala", 2021);
  private static final String PUDUCHERRY_2016 = SharedSources.electionLensFile("puducherry", 2016);
  private static final String TAMIL_NADU_2021 = SharedSources.electionLensFile("tamilnadu", 2021);
  private static final String TAMIL_NADU_2016 = SharedSources.electionLensFile("tamilnadu", 2016);

  @TempDir
  Path dir;

  /** The JSON's seats edited as a tree and written back (pretty printed: lines move, so tests find them). */
  private static String seats(String text, Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(text);
      edit.accept(root);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode candidate(ObjectNode root, String seat, int index) {
    return (ObjectNode) root.get(seat).get("candidates").get(index);
  }

  /** The line (from 1) of the first occurrence of {@code text} from {@code after} on. */
  private static int lineOf(String file, String text, int after) {
    int at = file.indexOf(text, after);
    return (int) file.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private void refused(String file, Consumer<ObjectNode> edit, String seat, String... problem) throws IOException {
    String[] edited = new String[1];
    Path shared = DeriveInputs.sharedWith(dir, file, text -> edited[0] = seats(text, edit));
    String[] parts = new String[problem.length + 1];
    parts[0] = file + " line " + lineOf(edited[0], "\"" + seat + "\" : {", 0) + ": seat " + seat + ": ";
    System.arraycopy(problem, 0, parts, 1, problem.length);
    DeriveInputs.assertRefusedAndUntouched(dir, shared, parts);
  }

  @Test
  void a_seat_with_no_candidates_is_refused_naming_file_line_and_seat() throws Exception {
    refused(ASSAM_2021, root -> ((ArrayNode) root.get("AS-005").get("candidates")).removeAll(), "AS-005",
        "no candidates");
  }

  @Test
  void an_unknown_party_is_refused_naming_the_label() throws Exception {
    refused(PUDUCHERRY_2016, root -> candidate(root, "PY-001", 0).put("party", "Party Of Nowhere"), "PY-001",
        "unknown party 'Party Of Nowhere' (add it to io.tallycast.derive.PartyCatalogue)");
  }

  @Test
  void a_tie_for_first_place_is_refused_for_the_source_does_not_say_who_won_the_draw() throws Exception {
    refused(TAMIL_NADU_2021, root -> candidate(root, "TN-001", 1).put("votes",
        candidate(root, "TN-001", 0).get("votes").asLong()), "TN-001", "tie for first place");
  }

  @Test
  void a_row_named_Others_in_a_seat_not_known_as_a_stand_in_is_refused() throws Exception {
    refused(ASSAM_2021, root -> ((ArrayNode) root.get("AS-002").get("candidates")).addObject().put("name", "Others")
        .put("party", "IND").put("votes", 5), "AS-002", "a candidate named 'Others'");
  }

  @Test
  void a_seat_key_given_twice_is_refused_naming_the_line_of_the_second() throws Exception {
    String[] edited = new String[1];
    Path shared = DeriveInputs.sharedWith(dir, KERALA_2021,
        text -> edited[0] = text.replace("\"KL-003\": {", "\"KL-002\": {"));
    int second = lineOf(edited[0], "\"KL-002\": {", edited[0].indexOf("\"KL-002\": {") + 1);
    DeriveInputs.assertRefusedAndUntouched(dir, shared, KERALA_2021 + " line " + second,
        "key 'KL-002' is given twice");
  }

  @Test
  void a_seat_missing_from_the_2021_results_is_refused() throws Exception {
    Path shared = DeriveInputs.sharedWith(dir, KERALA_2021, text -> seats(text, root -> root.remove("KL-140")));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, KERALA_2021, "seats [140] are missing (Kerala has 140 seats)");
  }

  @Test
  void a_2016_seat_missing_without_a_known_reason_is_refused() throws Exception {
    Path shared = DeriveInputs.sharedWith(dir, TAMIL_NADU_2016, text -> seats(text, root -> root.remove("TN-001")));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, TAMIL_NADU_2016, "seats [1] are missing (they are in "
        + TAMIL_NADU_2021 + ")");
  }

  @Test
  void a_2016_seat_named_otherwise_than_in_2021_is_refused_as_another_delimitation() throws Exception {
    String file = SharedSources.electionLensFile("assam", 2016);
    Path shared = DeriveInputs.sharedWith(dir, file, text -> seats(text,
        root -> ((ObjectNode) root.get("AS-010")).put("constituencyName", "SOMEWHERE ELSE")));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, file, "seat 10 is SOMEWHERE ELSE (GEN) here but",
        "not one delimitation");
  }

  @Test
  void a_west_bengal_seat_given_two_polling_phases_is_refused_naming_both_lines() throws Exception {
    // line 2 is seat 212 (phase 1); line 3, seat 213, is made a second line for 212
    Path shared = DeriveInputs.sharedWith(dir, SharedSources.PHASES_2021,
        text -> text.replaceFirst("\n213,", "\n212,"));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, SharedSources.PHASES_2021 + " line 3",
        "seat 212 has a phase already, 1 on line 2");
  }

  @Test
  void a_west_bengal_seat_without_a_polling_phase_is_refused() throws Exception {
    Path shared = DeriveInputs.sharedWith(dir, SharedSources.PHASES_2021,
        text -> text.replaceFirst("\n213,[^\n]*", ""));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, SharedSources.PHASES_2021, "seats [213] have no phase");
  }

  @Test
  void a_west_bengal_seat_put_in_another_phase_than_ECIs_schedule_allows_is_refused() throws Exception {
    Path shared = DeriveInputs.sharedWith(dir, SharedSources.PHASES_2021,
        text -> text.replaceFirst("\n213,KANTHI UTTAR,1,2021-03-27,", "\n213,KANTHI UTTAR,2,2021-04-01,"));
    DeriveInputs.assertRefusedAndUntouched(dir, shared, SharedSources.PHASES_2021,
        "phase 1 has 29 seats, ECI's schedule 30");
  }
}
