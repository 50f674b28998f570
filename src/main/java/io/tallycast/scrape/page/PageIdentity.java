package io.tallycast.scrape.page;

/**
 * What a page is, told from its content alone (never from its URL, whose prefixes change every election).
 *
 * @param kind   list, party-wise, constituency page or live JSON
 * @param layout which parser reads it: "eci-2019", "eci-2024", "eci-2024-cards", "eci-2026", "eci-2026-cards",
 *               "eci-statewise", "eci-partywise" or "eci-live-json"
 */
public record PageIdentity(PageKind kind, String layout) {
}
