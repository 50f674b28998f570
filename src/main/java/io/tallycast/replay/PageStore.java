package io.tallycast.replay;

import io.tallycast.election.Constituency;
import io.tallycast.election.ElectionData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's pages at a simulated moment, rendered once per (page, version) and kept: polling an unchanged page costs
 * a lookup. A seat's pages have the seat's version; the pages that show the whole state (list pages with their state
 * trends, the party summary, the live JSON) have the sum of all seats' versions. Versions only grow with time, so a
 * version names exactly one content.
 */
final class PageStore {
  static final int SEATS_PER_LIST_PAGE = 20;

  /** A rendered page with its validators; lastModified is the simulated time of its newest figure. */
  record Rendered(byte[] body, String etag, String lastModified) {
  }

  private record Entry(long version, Rendered page) {
  }

  /** The state's version at one simulated instant: polls at the same instant add it up once. */
  private record StateVersion(double elapsed, long version) {
  }

  private final CountingModel model;
  private final ElectionData data;
  private final List<Integer> seats;
  private final Set<Integer> seatSet;
  private final List<Integer> seatsByName;
  private final int pageCount;
  private final List<ElectionData> siteStates;
  private final StatewisePageRenderer statewise;
  private final PartywisePageRenderer partywise;
  private final ConstituencyPagesRenderer constituency;
  private final LiveJsonRenderer liveJson;
  private final Map<PageRef, Entry> cache = new ConcurrentHashMap<>();
  private volatile StateVersion lastStateVersion = new StateVersion(Double.NaN, 0);
  private volatile StateMoment lastMoment;

  /** The pages of one state alone on its site. */
  PageStore(CountingModel model) {
    this(model, List.of(model.data()));
  }

  /**
   * The pages of one state of a site that serves several ({@code siteStates}, in the site's order): its index links
   * them all.
   */
  PageStore(CountingModel model, List<ElectionData> siteStates) {
    this.siteStates = List.copyOf(siteStates);
    this.model = model;
    this.data = model.data();
    this.seats = model.seatNumbers();
    this.seatSet = new HashSet<>(seats);
    // ECI lists a state's seats by name; two seats may share one (West Bengal's two Bishnupurs): then by number
    List<Constituency> byName = seats.stream().map(no -> data.seats().get(no))
        .sorted(Comparator.comparing(Constituency::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Constituency::name).thenComparingInt(Constituency::no))
        .toList();
    this.seatsByName = byName.stream().map(Constituency::no).toList();
    this.pageCount = Math.max(1, (seats.size() + SEATS_PER_LIST_PAGE - 1) / SEATS_PER_LIST_PAGE);
    EciParties parties = new EciParties(data.parties());
    this.statewise = new StatewisePageRenderer(data.state(), data.stateCode(), parties, model.day());
    this.partywise = new PartywisePageRenderer(data.state(), data.stateCode(), parties, model.day(), byName);
    this.constituency = new ConstituencyPagesRenderer(data, parties, model.day());
    this.liveJson = new LiveJsonRenderer(data.stateCode(), parties);
  }

  int pageCount() {
    return pageCount;
  }

  List<Integer> seatNumbers() {
    return seats;
  }

  String stateCode() {
    return data.stateCode();
  }

  /** The page a file name asks for, or null when this site has no such page. */
  PageRef resolve(String fileName) {
    PageRef ref = PageRef.parse(fileName, data.stateCode());
    if (ref == null) {
      return null;
    }
    if (ref.kind() == PageRef.Kind.LIST) {
      return ref.number() >= 1 && ref.number() <= pageCount ? ref : null;
    }
    if (ref.isSeat()) {
      return seatSet.contains(ref.number()) ? ref : null;
    }
    return ref;
  }

  /** The seats a list page shows: the page's twenty in name order. */
  List<Integer> seatsOfPage(int page) {
    int from = (page - 1) * SEATS_PER_LIST_PAGE;
    return seatsByName.subList(Math.min(from, seatsByName.size()),
        Math.min(from + SEATS_PER_LIST_PAGE, seatsByName.size()));
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
      entry = new Entry(version, render(ref, elapsed, version));
      cache.put(ref, entry);
    }
    return entry.page();
  }

  /** A seat page (either kind) whose every figure is cut by {@code factor} (the votes-down fault): never cached. */
  Rendered scaledSeatPage(PageRef ref, double elapsed, double factor) {
    SeatView view = model.seatAt(ref.number(), elapsed);
    List<CandidateCount> scaled = new ArrayList<>();
    for (CandidateCount c : view.candidates()) {
      scaled.add(new CandidateCount(c.name(), c.party(), (long) Math.floor(c.evm() * factor),
          (long) Math.floor(c.postal() * factor)));
    }
    scaled.sort(Comparator.comparingLong(CandidateCount::total).reversed().thenComparing(CandidateCount::name));
    SeatView down = new SeatView(view.seat(), view.round(), view.rounds(), List.copyOf(scaled),
        view.lastChangedSeconds(), view.statusText());
    return finish(seatPage(ref, down), down.lastChangedSeconds());
  }

  private long version(PageRef ref, double elapsed) {
    if (ref.isSeat()) {
      return model.versionAt(ref.number(), elapsed);
    }
    return ref.isWholeState() ? stateVersion(elapsed) : 0;
  }

  private long stateVersion(double elapsed) {
    StateVersion last = lastStateVersion;
    if (last.elapsed() == elapsed) {
      return last.version();
    }
    long sum = 0;
    for (int seat : seats) {
      sum += model.versionAt(seat, elapsed);
    }
    lastStateVersion = new StateVersion(elapsed, sum);
    return sum;
  }

  /** Every seat at that moment: drawn once per state version for all the whole-state pages. */
  private StateMoment moment(double elapsed, long version) {
    StateMoment last = lastMoment;
    if (last != null && last.version() == version) {
      return last;
    }
    StateMoment now = StateMoment.of(model, seats, elapsed, version);
    lastMoment = now;
    return now;
  }

  private Rendered render(PageRef ref, double elapsed, long version) {
    switch (ref.kind()) {
      case CANDIDATES, CONSTITUENCY -> {
        SeatView view = model.seatAt(ref.number(), elapsed);
        return finish(seatPage(ref, view), view.lastChangedSeconds());
      }
      case LIST -> {
        StateMoment moment = moment(elapsed, version);
        List<SeatView> rows = seatsOfPage(ref.number()).stream().map(moment.seats()::get).toList();
        return finish(statewise.render(ref.number(), pageCount, rows, moment), moment.lastChanged());
      }
      case PARTY -> {
        StateMoment moment = moment(elapsed, version);
        return finish(partywise.render(moment), moment.lastChanged());
      }
      case LIVE_JSON -> {
        StateMoment moment = moment(elapsed, version);
        return finish(liveJson.render(moment), moment.lastChanged());
      }
      default -> {
        return finish(IndexPageRenderer.render(siteStates, model.day()), 0);
      }
    }
  }

  private String seatPage(PageRef ref, SeatView view) {
    return ref.kind() == PageRef.Kind.CANDIDATES ? constituency.cards(view) : constituency.table(view);
  }

  private Rendered finish(String text, long lastChangedSeconds) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
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
