package io.tallycast.scrape.page;

import java.util.List;

/**
 * The status words ECI writes (in a list row, or on a seat page) whose meaning tallycast knows: the one place that
 * says so. ECI writes others on a real night (a repoll ordered, a poll countermanded or adjourned, a result
 * withheld): those are kept exactly as written and named in a warning, never a reason to refuse the page.
 */
public final class EciStatuses {
  public static final String DECLARED = "Result Declared";
  public static final String IN_PROGRESS = "Result in Progress";
  /** An older wording of {@link #IN_PROGRESS}. */
  public static final String COUNTING = "Counting in Progress";
  /** Our replay site's word for a seat whose count has not started; ECI leaves the cell blank. */
  public static final String AWAITING = "Awaiting";
  /** The only candidate left is declared without a poll (Surat, 2024). */
  public static final String UNCONTESTED = "Uncontested";

  private static final List<String> KNOWN = List.of(DECLARED, IN_PROGRESS, COUNTING, AWAITING, UNCONTESTED);

  private EciStatuses() {
  }

  /** Every known status, as ECI writes it. */
  public static List<String> known() {
    return KNOWN;
  }

  /** Whether tallycast knows this status; case, spaces and brackets ("( Uncontested )") do not matter. */
  public static boolean isKnown(String status) {
    if (status == null) {
      return false;
    }
    String s = PageText.normalize(status.replace('(', ' ').replace(')', ' '));
    for (String known : KNOWN) {
      if (known.equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }

  /** The warning for a status that is not known (the row keeps it as written). */
  static String unknown(String where, String status) {
    return where + ": status '" + PageText.excerpt(status, 80) + "' is not one tallycast knows; kept as written";
  }
}
