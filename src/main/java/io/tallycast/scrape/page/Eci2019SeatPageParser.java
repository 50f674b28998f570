package io.tallycast.scrape.page;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The 2019 layout (results.eci.gov.in/pc): {@code #div1 table.table-party} whose first row is the title
 * "West Bengal-Krishnanagar", then "Results", the header, candidate rows in ballot order and a Total row; below it
 * "Last Updated at 08:10:02 pm On 05/24/2019" (month first). The title has no seat number: it is looked up in the
 * hidden {@code input#S25} ("12,Krishnanagar;...") of the state the title names.
 */
final class Eci2019SeatPageParser {
  static final String LAYOUT = "eci-2019";

  private Eci2019SeatPageParser() {
  }

  static ParsedSeatPage parse(Document doc, Element table) throws PageFormatException {
    CandidateTable.Read read = CandidateTable.read(table, false);
    List<Element> rows = PageText.rows(table);
    String title = rows.isEmpty() ? "" : PageText.of(rows.get(0));
    int dash = title.indexOf('-');
    // State names have no dash, seat names may ("Nainital-udhamsingh Nagar"): split at the first one.
    if (dash <= 0 || dash == title.length() - 1) {
      throw new PageFormatException("results table title '" + PageText.excerpt(title, 80)
          + "' is not 'State-Constituency'");
    }
    String state = title.substring(0, dash).strip();
    String seat = title.substring(dash + 1).strip();
    LastUpdated.Stamp stamp = LastUpdated.require(doc, "td:containsOwn(Last Updated)", LastUpdated.MONTH_FIRST);
    return new ParsedSeatPage(LAYOUT, seatNo(doc, state, seat), seat, state, read.candidates(), read.evm(),
        read.postal(), read.total(), stamp.text(), stamp.time(), null, null, null);
  }

  /** The seat's number from the state's hidden list, or null when the page does not carry it. */
  static Integer seatNo(Document doc, String state, String seat) {
    String code = null;
    for (Element option : doc.select("#ddlState option")) {
      if (PageText.of(option).equalsIgnoreCase(state)) {
        code = option.attr("value").strip();
        break;
      }
    }
    Element list = code == null || code.isEmpty() ? null : doc.getElementById(code);
    if (list == null) {
      return null;
    }
    for (String pair : list.attr("value").split(";")) {
      int comma = pair.indexOf(',');
      if (comma > 0 && PageText.normalize(pair.substring(comma + 1)).equalsIgnoreCase(seat)) {
        Long no = PageText.count(pair.substring(0, comma).strip());
        return no == null || no > Integer.MAX_VALUE ? null : no.intValue();
      }
    }
    return null;
  }
}
