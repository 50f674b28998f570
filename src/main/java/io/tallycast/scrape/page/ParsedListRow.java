package io.tallycast.scrape.page;

/** One seat's row of a state-wise list page ("statewiseS25{page}.htm"); blank cells are null. */
public record ParsedListRow(int seatNo, String seatName, String leadingCandidate, String leadingParty,
                            String trailingCandidate, String trailingParty, Long margin, Integer roundsDone,
                            Integer roundsTotal, String status) {
}
