package io.tallycast.scrape.page;

import java.time.Instant;
import java.util.List;

/**
 * What a constituency page shows. Fields a layout does not carry are null (the 2019 layout has no seat number
 * in its title; rounds and status come from the state-wise list page when the seat page lacks them).
 *
 * @param layout      which parser read it: "eci-2026", "eci-2026-cards", "eci-2024", "eci-2024-cards" or "eci-2019"
 * @param candidates  every row in page order (ballot order on a table, vote order on cards), NOTA included (see
 *                    {@link ParsedCandidate#isNota()}); namesakes stay separate rows. The cards layouts show only
 *                    totals, so there evmVotes is the total and postalVotes 0
 * @param footerTotal the page's own "Total" row (total votes), used to check that the rows add up; null for cards
 * @param lastUpdated the page's "Last Updated at ..." text, verbatim; sourceTime is it parsed (IST)
 * @param status      the page's own status words ("Result in Progress"; on cards, "Result Declared" for a won card and
 *                    "Result in Progress" for leading/trailing cards), or null when it shows none (the 2026 table)
 */
public record ParsedSeatPage(String layout, Integer seatNo, String seatName, String state,
                             List<ParsedCandidate> candidates, Long footerEvm, Long footerPostal, Long footerTotal,
                             String lastUpdated, Instant sourceTime, Integer roundsDone, Integer roundsTotal,
                             String status) {
}
