package io.tallycast.derive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.election.Party;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One state's assembly result in ElectionLens's JSON (from TCPD's Lok Dhaba): one object per seat keyed "AS-001" with
 * constituencyNo, constituencyName, constituencyType, districtName and candidates [{name, party, votes, position ...}].
 * The real files differ from seat to seat, so each seat is checked on its own and a refusal names file, line and seat:
 * the key is the seat (a record without constituencyNo, as ElectionLens's TN-140, is numbered by it); names are
 * upper case with runs of spaces collapsed; a record without a type has none ("", never guessed); the fields
 * {@code name} and {@code type} at a record's end are ElectionLens's map labels (they contradict constituencyType in 31
 * seats) and are not read. A seat listed in {@code noResult} must be a placeholder, a row named "Others" standing for
 * candidates: the seat is kept, its made-up candidates are not.
 */
final class ElectionLensResults {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
  private static final List<String> TYPES = List.of("GEN", "SC", "ST");
  /** What a placeholder writes where candidates belong: the votes of several candidates lumped together. */
  static final String OTHERS = "Others";

  private ElectionLensResults() {
  }

  /**
   * Reads {@code file} (under the shared folder): the seats keyed {@code prefix}-NNN of the given year; seats in
   * {@code noResult} keep name, type and district but no candidates.
   */
  static ResultSources.Result read(Path shared, String file, String prefix, int year, PartyTable parties,
                                   Map<Integer, String> noResult) throws IOException {
    Pattern key = Pattern.compile(Pattern.quote(prefix) + "-(\\d{3})");
    SortedMap<Integer, ResultSources.Seat> seats = new TreeMap<>();
    List<ResultSources.Candidate> candidates = new ArrayList<>();
    try (JsonParser json = JSON.createParser(SourceTable.require(shared, file).toFile())) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new SourceProblem(file, json.currentTokenLocation().getLineNr(), "not an object of seats keyed "
            + prefix + "-NNN");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        long line = json.currentTokenLocation().getLineNr();
        Matcher m = key.matcher(name);
        if (!m.matches()) {
          throw new SourceProblem(file, line, "key '" + name + "' is not " + prefix + "-NNN");
        }
        if (json.nextToken() != JsonToken.START_OBJECT) {
          throw new SourceProblem(file, line, "seat " + name + " is not an object");
        }
        JsonNode record = JSON.readTree(json);
        Where where = new Where(file, line, name);
        int no = number(record, Integer.parseInt(m.group(1)), year, where);
        ResultSources.Seat seat = new ResultSources.Seat(no, shown(record, "constituencyName", where),
            type(record, where), shown(record, "districtName", where), null);
        if (seats.putIfAbsent(no, seat) != null) {
          throw where.problem("seat " + no + " is listed twice");
        }
        List<ResultSources.Candidate> standing = candidates(record, no, parties, where);
        boolean placeholder = standing.stream().anyMatch(c -> c.name().equalsIgnoreCase(OTHERS));
        if (noResult.containsKey(no)) {
          if (!placeholder) {
            throw where.problem("listed as a placeholder without a result (" + noResult.get(no) + "), but the file now "
                + "has candidates and no '" + OTHERS + "' row: check it and take it off the list in "
                + May2021.class.getName());
          }
          continue; // the seat stays, without made-up candidates
        }
        if (placeholder) {
          throw where.problem("a candidate named '" + OTHERS + "': the votes of several candidates lumped together, "
              + "not a result");
        }
        winner(standing, placedFirst(record), where);
        candidates.addAll(standing);
      }
      if (json.currentToken() != JsonToken.END_OBJECT) {
        throw new SourceProblem(file, json.currentTokenLocation().getLineNr(), "not an object of seats keyed "
            + prefix + "-NNN");
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
      throw new SourceProblem(file, line, dup.matches() ? "key '" + dup.group(1) + "' is given twice in one object"
          : "not readable JSON: " + e.getOriginalMessage());
    }
    if (seats.isEmpty()) {
      throw new SourceProblem(file, 0, "has no seats");
    }
    return new ResultSources.Result(file, Collections.unmodifiableSortedMap(seats), List.copyOf(candidates));
  }

  /** Where a seat's record starts, for refusals. */
  private record Where(String file, long line, String key) {
    SourceProblem problem(String what) {
      return new SourceProblem(file, line, "seat " + key + ": " + what);
    }
  }

  /** constituencyNo where given (it must be the key's), else the key's number; a year, where given, must be ours. */
  private static int number(JsonNode record, int fromKey, int year, Where where) {
    JsonNode no = record.get("constituencyNo");
    if (no != null && !(no.isIntegralNumber() && no.asInt() == fromKey)) {
      throw where.problem("constituencyNo " + no + " is not the key's " + fromKey);
    }
    JsonNode given = record.get("year");
    if (given != null && !(given.isIntegralNumber() && given.asInt() == year)) {
      throw where.problem("year " + given + " in the results of " + year);
    }
    return fromKey;
  }

  /** A name as ECI's pages show it: upper case, runs of white space made one space. */
  private static String shown(JsonNode record, String field, Where where) {
    JsonNode value = record.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw where.problem("no " + field);
    }
    return value.asText().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  private static String type(JsonNode record, Where where) {
    JsonNode value = record.get("constituencyType");
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isTextual() || !TYPES.contains(value.asText().strip())) {
      throw where.problem("constituencyType " + value + " is not one of " + TYPES);
    }
    return value.asText().strip();
  }

  private static List<ResultSources.Candidate> candidates(JsonNode record, int seat, PartyTable parties,
                                                         Where where) {
    JsonNode list = record.get("candidates");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw where.problem("no candidates");
    }
    List<ResultSources.Candidate> out = new ArrayList<>();
    for (JsonNode c : list) {
      String name = c.path("name").asText("").strip().replaceAll("\\s+", " ");
      if (name.isEmpty()) {
        throw where.problem("a candidate without a name: " + c);
      }
      String label = c.path("party").asText("").strip();
      if (label.isEmpty()) {
        throw where.problem("candidate '" + name + "' has no party");
      }
      String party = parties.resolve(label).map(Party::code).orElseThrow(() -> where.problem("unknown party '"
          + label + "' (add it to io.tallycast.derive.PartyCatalogue)"));
      JsonNode votes = c.get("votes");
      if (votes == null || !votes.isIntegralNumber() || votes.asLong() < 0) {
        throw where.problem("candidate '" + name + "' has votes " + votes + ", not a whole number");
      }
      out.add(new ResultSources.Candidate(seat, name, party, null, null, votes.asLong()));
    }
    return out;
  }

  /**
   * The seat has one winner: nobody ties with the first (a tie is settled by lot, which the source does not record),
   * and where the source numbers the candidates' places, its first is the one with most votes.
   */
  private static void winner(List<ResultSources.Candidate> standing, Optional<String> placedFirst, Where where) {
    List<ResultSources.Candidate> byVotes = standing.stream().filter(c -> !c.isNota())
        .sorted(Comparator.comparingLong(ResultSources.Candidate::votes).reversed()).toList();
    if (byVotes.isEmpty() || byVotes.get(0).votes() == 0) {
      throw where.problem("no candidate has a vote");
    }
    if (byVotes.size() > 1 && byVotes.get(0).votes() == byVotes.get(1).votes()) {
      throw where.problem("'" + byVotes.get(0).name() + "' and '" + byVotes.get(1).name()
          + "' tie for first place with " + byVotes.get(0).votes() + " votes: the source does not say who won the "
          + "draw");
    }
    if (placedFirst.isPresent() && !placedFirst.get().equals(byVotes.get(0).name())) {
      throw where.problem("position 1 is '" + placedFirst.get() + "', but '" + byVotes.get(0).name()
          + "' has the most votes");
    }
  }

  /** The name of the candidate the source places first, where it gives every candidate a place. */
  private static Optional<String> placedFirst(JsonNode record) {
    JsonNode first = null;
    for (JsonNode c : record.get("candidates")) {
      JsonNode position = c.get("position");
      if (position == null || !position.isIntegralNumber()) {
        return Optional.empty();
      }
      if (first == null || position.asInt() < first.get("position").asInt()) {
        first = c;
      }
    }
    return Optional.ofNullable(first).map(c -> c.path("name").asText("").strip().replaceAll("\\s+", " "));
  }
}
