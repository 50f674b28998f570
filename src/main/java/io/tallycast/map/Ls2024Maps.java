package io.tallycast.map;

import io.tallycast.election.SeatRef;
import io.tallycast.election.StateCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Lok Sabha 2024 maps embedded in the jar ({@code maps/ls2024/}, made by {@code metadata-tools/ls2024-maps.py}):
 * one map per state and union territory under {@code /maps/ls2024/<code>/} (s03 for Assam; seats numbered by their
 * 2024 PC number), and the national map under {@code /maps/ls2024/national/}, whose 543 seats are numbered 1..543 in
 * (state code, PC number) order. {@code maps/ls2024/seats.csv} says which national number is which seat.
 *
 * @param seats every seat in national order: its national number, state code, PC number, names and any note
 */
public record Ls2024Maps(List<Seat> seats) {
  /** Where the maps are in the jar. */
  public static final String PREFIX = "/maps/ls2024/";
  /** The national map's folder under {@link #PREFIX}. */
  public static final String NATIONAL = "national";
  /** The election id these maps are for. */
  public static final String ELECTION = "ls2024";

  /** One seat as seats.csv lists it; {@code note} is empty unless the drawn shape is not the 2024 seat's own. */
  public record Seat(int nationalNo, SeatRef seat, String state, String name, String note) {
  }

  public Ls2024Maps {
    seats = List.copyOf(seats);
  }

  /** The embedded maps, or none when this build carries none. */
  public static Optional<Ls2024Maps> embedded() {
    try (InputStream in = Ls2024Maps.class.getResourceAsStream(PREFIX + "seats.csv")) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Ls2024Maps read(InputStream in) throws IOException {
    List<Seat> seats = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || !header.startsWith("national_no,state_code,state,pc_no,pc_name,")) {
      throw new IOException("not the ls2024 seats table: " + header);
    }
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      List<String> cells = cells(line);
      seats.add(new Seat(Integer.parseInt(cells.get(0)), new SeatRef(StateCodes.check(cells.get(1)),
          Integer.parseInt(cells.get(3))), cells.get(2), cells.get(4), cells.get(cells.size() - 1)));
    }
    return new Ls2024Maps(seats);
  }

  /** A line of a plain CSV as Python's csv module writes it: quotes only around a cell with a comma or a quote. */
  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /** The national map (543 seats numbered in national order). */
  public MapSource national() {
    return MapSource.classpath(PREFIX + NATIONAL + "/");
  }

  /** The map of one state or union territory by ECI code ("S03", "U08"), seats by their 2024 PC number. */
  public Optional<MapSource> state(String stateCode) {
    MapSource source = MapSource.classpath(PREFIX + StateCodes.check(stateCode).toLowerCase(Locale.ROOT) + "/");
    return source.exists() ? Optional.of(source) : Optional.empty();
  }

  /** Every state's map by state code, in code order: what {@code MapSource.embeddedFor(election)} gives for ls2024. */
  public Map<String, MapSource> states() {
    Map<String, MapSource> out = new TreeMap<>();
    seats.forEach(s -> out.computeIfAbsent(s.seat().state(), c -> state(c).orElseThrow()));
    return Collections.unmodifiableMap(out);
  }

  /** Seats per state code, as drawn. */
  public Map<String, Integer> seatCounts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    seats.forEach(s -> out.merge(s.seat().state(), 1, Integer::sum));
    return out;
  }

  /** The seat's number on the national map, or none when the maps have no shape for it. */
  public Optional<Integer> nationalNo(SeatRef seat) {
    return seats.stream().filter(s -> s.seat().equals(seat)).map(Seat::nationalNo).findFirst();
  }

  /** The seat a national map number stands for. */
  public Optional<SeatRef> seatOf(int nationalNo) {
    return nationalNo < 1 || nationalNo > seats.size() ? Optional.empty()
        : Optional.of(seats.get(nationalNo - 1).seat());
  }
}
