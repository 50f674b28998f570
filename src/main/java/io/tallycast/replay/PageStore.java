package io.tallycast.replay;

import io.tallycast.election.ElectionData;
import io.tallycast.election.Party;
import io.tallycast.election.SeatStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's pages at a simulated moment, rendered once per (page, state version) and kept: polling an unchanged
 * page costs a lookup. A page's version only grows with time (rounds done in the seats it shows), so a version
 * names exactly one content.
 */
final class PageStore {
  static final int SEATS_PER_LIST_PAGE = 20;

  /** A rendered page with its validators; lastModified is the simulated time of its newest figure. */
  record Rendered(byte[] body, String etag, String lastModified) {
  }

  private record Entry(long version, Rendered page) {
  }

  private final CountingModel model;
  private final PageRenderer renderer;
  private final int stateCode;
  private final List<Integer> seats;
  private final int pageCount;
  private final Map<PageRef, Entry> cache = new ConcurrentHashMap<>();

  PageStore(CountingModel model) {
    ElectionData data = model.data();
    this.model = model;
    this.stateCode = data.stateCode();
    this.renderer = new PageRenderer(data.state(), data.stateCode(), data.parties(), model.day());
    this.seats = model.seatNumbers();
    this.pageCount = Math.max(1, (seats.size() + SEATS_PER_LIST_PAGE - 1) / SEATS_PER_LIST_PAGE);
  }

  int pageCount() {
    return pageCount;
  }

  int stateCode() {
    return stateCode;
  }

  /** The page a file name asks for, or null when this site has no such page. */
  PageRef resolve(String fileName) {
    PageRef ref = PageRef.parse(fileName, stateCode);
    if (ref == null) {
      return null;
    }
    return switch (ref.kind()) {
      case LIST -> ref.number() >= 1 && ref.number() <= pageCount ? ref : null;
      case SEAT -> model.data().seats().containsKey(ref.number()) ? ref : null;
      default -> ref;
    };
  }

  List<Integer> seatsOfPage(int page) {
    int from = (page - 1) * SEATS_PER_LIST_PAGE;
    return seats.subList(Math.min(from, seats.size()), Math.min(from + SEATS_PER_LIST_PAGE, seats.size()));
  }

  /** Another seat than this one (the next in AC order), for the wrong-seat fault. */
  int otherSeat(int seat) {
    int i = seats.indexOf(seat);
    return seats.get((i + 1) % seats.size());
  }

  Rendered page(PageRef ref, double elapsed) {
    long version = version(ref, elapsed);
    Entry entry = cache.get(ref);
    if (entry == null || entry.version() != version) {
      entry = new Entry(version, render(ref, elapsed));
      cache.put(ref, entry);
    }
    return entry.page();
  }

  /** A seat page whose every figure is cut by {@code factor} (the votes-down fault): never cached. */
  Rendered scaledSeatPage(int seat, double elapsed, double factor) {
    SeatView view = model.seatAt(seat, elapsed);
    List<CandidateCount> scaled = new ArrayList<>();
    for (CandidateCount c : view.candidates()) {
      scaled.add(new CandidateCount(c.name(), c.party(), (long) Math.floor(c.evm() * factor),
          (long) Math.floor(c.postal() * factor)));
    }
    scaled.sort(Comparator.comparingLong(CandidateCount::total).reversed().thenComparing(CandidateCount::name));
    SeatView down = new SeatView(view.seat(), view.round(), view.rounds(), List.copyOf(scaled), view.lastChangedSeconds(),
        view.statusText());
    return finish(renderer.seatPage(down), down.lastChangedSeconds());
  }

  private long version(PageRef ref, double elapsed) {
    return switch (ref.kind()) {
      case INDEX -> 0;
      case SEAT -> model.versionAt(ref.number(), elapsed);
      case LIST -> roundsDone(seatsOfPage(ref.number()), elapsed);
      case PARTY -> roundsDone(seats, elapsed);
    };
  }

  private long roundsDone(List<Integer> which, double elapsed) {
    long sum = 0;
    for (int seat : which) {
      sum += model.versionAt(seat, elapsed);
    }
    return sum;
  }

  private Rendered render(PageRef ref, double elapsed) {
    switch (ref.kind()) {
      case SEAT -> {
        SeatView view = model.seatAt(ref.number(), elapsed);
        return finish(renderer.seatPage(view), view.lastChangedSeconds());
      }
      case LIST -> {
        List<SeatView> rows = new ArrayList<>();
        long last = 0;
        for (int seat : seatsOfPage(ref.number())) {
          SeatView view = model.seatAt(seat, elapsed);
          rows.add(view);
          last = Math.max(last, view.lastChangedSeconds());
        }
        return finish(renderer.listPage(ref.number(), pageCount, rows), last);
      }
      case PARTY -> {
        return partyPage(elapsed);
      }
      default -> {
        return finish(renderer.indexPage(pageCount, seats), 0);
      }
    }
  }

  private Rendered partyPage(double elapsed) {
    Map<String, int[]> tallies = new HashMap<>();
    long last = 0;
    for (int seat : seats) {
      SeatView view = model.seatAt(seat, elapsed);
      last = Math.max(last, view.lastChangedSeconds());
      CandidateCount leader = view.leader();
      if (leader != null) {
        tallies.computeIfAbsent(leader.party(), k -> new int[2])[view.status() == SeatStatus.DECLARED ? 0 : 1]++;
      }
    }
    List<PartyTally> rows = new ArrayList<>();
    tallies.forEach((party, t) -> rows.add(new PartyTally(party, t[0], t[1])));
    rows.sort(Comparator.comparingInt(PartyTally::total).reversed()
        .thenComparing(Comparator.comparingInt(PartyTally::won).reversed())
        .thenComparing(t -> model.data().parties().byCode(t.party()).map(Party::name).orElse(t.party())));
    return finish(renderer.partyPage(rows, last), last);
  }

  private Rendered finish(String html, long lastChangedSeconds) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    return new Rendered(body, etag(body), model.day().httpDate(lastChangedSeconds));
  }

  private static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return '"' + HexFormat.of().formatHex(hash, 0, 16) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
