package io.tallycast.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --groups-csv}: a seat's group (a polling phase) from a CSV, refused with the line when it cannot be read. */
class GroupsCsvTest {
  @TempDir
  Path dir;

  private Path csv(String... lines) throws Exception {
    return Files.writeString(dir.resolve("phases.csv"), String.join("\n", lines) + "\n");
  }

  @Test
  void eachSeatGetsItsGroupAndWholeNumberGroupsAreInNumberOrder() throws Exception {
    GroupsCsv groups = GroupsCsv.read(csv("ac_no,phase,poll_date", "1,10,2021-04-29", "2,2,2021-04-01",
        "3,1,2021-03-27", "4,2,2021-04-01"), "ac_no", "phase", "poll_date");

    assertThat(groups.values()).containsExactly("1", "2", "10");
    assertThat(groups.bySeat()).isEqualTo(Map.of(1, "10", 2, "2", 3, "1", 4, "2"));
    assertThat(groups.seats("2")).containsExactly(2, 4);
    assertThat(groups.legend()).containsEntry("10", "2021-04-29").containsEntry("1", "2021-03-27");
    assertThat(groups.warnings()).isEmpty();
  }

  @Test
  void otherGroupsKeepTheOrderTheyFirstAppearIn() throws Exception {
    GroupsCsv groups = GroupsCsv.read(csv("seat,zone", "3,north", "1,south", "2,north"), "seat", "zone", null);

    assertThat(groups.values()).containsExactly("north", "south");
  }

  @Test
  void aSeatInTwoGroupsIsRefusedNamingBothLines() throws Exception {
    Path file = csv("ac_no,phase", "1,1", "2,1", "1,3");
    assertThatThrownBy(() -> GroupsCsv.read(file, "ac_no", "phase", null))
        .hasMessage(file + ": seat 1 is in phase 1 on line 2 and in phase 3 on line 4");
  }

  @Test
  void aMissingColumnIsRefusedListingTheColumnsThereAre() throws Exception {
    Path file = csv("ac_no,phase", "1,1");
    assertThatThrownBy(() -> GroupsCsv.read(file, "ac_no", "phase", "poll_date"))
        .hasMessage(file + ": no column \"poll_date\"; its columns are: ac_no, phase");
  }

  @Test
  void aSeatNumberThatIsNotAWholeNumberIsRefusedWithItsLine() throws Exception {
    Path file = csv("ac_no,phase", "1,1", "12a,2");
    assertThatThrownBy(() -> GroupsCsv.read(file, "ac_no", "phase", null))
        .hasMessage(file + " line 3: ac_no \"12a\" is not a seat number (a whole number from 1)");
  }

  @Test
  void twoLegendTextsForOneGroupKeepTheFirstAndSaySo() throws Exception {
    GroupsCsv groups = GroupsCsv.read(csv("ac_no,phase,poll_date", "1,7,2021-04-26", "2,7,2021-09-30"), "ac_no",
        "phase", "poll_date");

    assertThat(groups.legend()).isEqualTo(Map.of("7", "2021-04-26"));
    assertThat(groups.warnings()).isEqualTo(List.of("phases.csv line 3: phase 7 has poll_date \"2021-09-30\" but an "
        + "earlier line has \"2021-04-26\"; the legend shows \"2021-04-26\""));
  }

  @Test
  void anIsoDateIsWrittenInTheLegendAsAViewerReadsIt() {
    assertThat(GroupPicture.legendText("2021-03-27")).isEqualTo("27 MAR 2021");
    assertThat(GroupPicture.legendText("first week")).isEqualTo("first week");
  }
}
