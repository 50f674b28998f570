package io.tallycast.cli;

import io.tallycast.metadata.DistrictCrop;
import io.tallycast.metadata.GeoJsonMasks;
import io.tallycast.metadata.GeoJsonReader;
import io.tallycast.metadata.GroupMaps;
import io.tallycast.metadata.GroupPicture;
import io.tallycast.metadata.GroupsCsv;
import io.tallycast.metadata.HighlightMasks;
import io.tallycast.metadata.IndexedImageMasks;
import io.tallycast.metadata.Legend;
import io.tallycast.metadata.MapBuild;
import io.tallycast.metadata.MapSet;
import io.tallycast.metadata.MaskInputException;
import io.tallycast.metadata.MaskSummary;
import io.tallycast.metadata.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Before the night: seat masks and base images for the map renderer, from boundaries or from pictures. */
@Command(name = "masks", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Builds the seat masks, seats.json, base.png and map.json of the state map and of one map per "
          + "district, from GeoJSON boundaries, an indexed-colour image, or one highlight screenshot per seat.",
        "Writes DIR/state/, DIR/district/<slug>/ (and DIR/<field>/<value>/ with --groups-csv) and DIR/index.json. "
          + "Exit 2 with the reason on bad input."},
    footer = {"", "Examples:", "  tallycast masks --geojson ../shared/data/west-bengal/assembly-constituencies.geojson "
          + "--id-field AC_NO --name-field AC_NAME --group-field DIST_NAME --width 1080 --out maps/west-bengal "
          + "--groups-csv ../shared/data/west-bengal/phases-2021.csv --groups-key ac_no --groups-field phase "
          + "--groups-legend poll_date",
        "  tallycast masks --geojson ../shared/data/five-states-2021/puducherry/assembly-constituencies.geojson "
          + "--group-field DIST_NAME --insets-by DIST_NAME --out maps/puducherry"})
public final class MasksCommand implements Callable<Integer> {
  static final int MIN_WIDTH = 64;
  static final int MAX_WIDTH = 8192;

  static final class Input {
    @Option(names = "--geojson", paramLabel = "FILE", required = true,
        description = "GeoJSON FeatureCollection of Polygon/MultiPolygon seats in lon/lat")
    Path geojson;

    @Option(names = "--indexed", paramLabel = "PNG", required = true,
        description = "an image with every seat painted in its own colour (needs --legend)")
    Path indexed;

    @Option(names = "--highlights", paramLabel = "DIR", required = true,
        description = "one screenshot per seat, named <seat number>.png, the seat in --highlight-color")
    Path highlights;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Input (exactly one):%n")
  Input input;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
  Path out;

  @Option(names = "--id-field", paramLabel = "NAME", description = "GeoJSON property with the seat number. "
      + "Default: AC_NO")
  String idField;

  @Option(names = "--name-field", paramLabel = "NAME", description = "GeoJSON property with the seat name. "
      + "Default: AC_NAME")
  String nameField;

  @Option(names = "--group-field", paramLabel = "NAME", description = "GeoJSON property with the seat's district; "
      + "gives one map per district")
  String groupField;

  @Option(names = "--insets-by", paramLabel = "NAME", description = "GeoJSON property that splits the state map "
      + "into labelled insets, each group of seats at its own scale in its own panel (a territory in pieces far "
      + "apart)")
  String insetsBy;

  @Option(names = "--groups-csv", paramLabel = "FILE", description = "CSV giving each seat a group (a polling "
      + "phase): one more map per group in DIR/<field>/<value>/ and a picture of the state coloured by group")
  Path groupsCsv;

  @Option(names = "--groups-key", paramLabel = "COLUMN", description = "the CSV's seat number column. Default: "
      + "ac_no")
  String groupsKey;

  @Option(names = "--groups-field", paramLabel = "COLUMN", description = "the CSV's group column (needed with "
      + "--groups-csv)")
  String groupsField;

  @Option(names = "--groups-legend", paramLabel = "COLUMN", description = "a CSV column shown beside each group in "
      + "the picture's legend (an ISO date is written 27 MAR 2021)")
  String groupsLegend;

  @Option(names = "--width", paramLabel = "PX", description = "state map width (GeoJSON). Default: 1080")
  Integer width;

  @Option(names = "--district-width", paramLabel = "PX", description = "district map width: GeoJSON districts are "
      + "drawn again at this width, image districts enlarged by a whole factor up to it. Default: 720")
  Integer districtWidth;

  @Option(names = "--margin", paramLabel = "PX", description = "blank pixels around the seats (GeoJSON and "
      + "district maps). Default: 12")
  Integer margin;

  @Option(names = "--legend", paramLabel = "CSV", description = "color,no,name,group per seat (required with "
      + "--indexed; names and groups with --highlights)")
  Path legend;

  @Option(names = "--highlight-color", paramLabel = "#RRGGBB", description = "the highlight in the screenshots. "
      + "Default: #FFFF00")
  String highlightColor;

  @Option(names = "--tolerance", paramLabel = "N", description = "largest difference of R, G or B from the "
      + "highlight colour still counted as highlighted (0-255). Default: 16")
  Integer tolerance;

  @Option(names = "--no-districts", description = "only the state map")
  boolean noDistricts;

  @Option(names = "--no-progress", description = "no progress bars (they only show on an interactive console)")
  boolean noProgress;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    System.setProperty("java.awt.headless", "true");
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(spec.commandLine().getOut());
    } catch (MaskInputException e) {
      err.println("tallycast masks: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private int run(PrintWriter stdout) throws Exception {
    long started = System.nanoTime();
    validate();
    int stateWidth = orDefault(width, 1080);
    int districtPx = orDefault(districtWidth, 720);
    int marginPx = orDefault(margin, 12);
    Progress progress = Progress.forConsole(!noProgress);
    List<MapBuild> maps = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<GroupPicture.Picture> pictures = new ArrayList<>();
    String source;
    if (input.geojson != null) {
      source = input.geojson.getFileName().toString();
      GeoJsonReader.Result read = GeoJsonReader.read(input.geojson, new GeoJsonReader.Fields(
          orDefault(idField, "AC_NO"), orDefault(nameField, "AC_NAME"), groupField, insetsBy));
      warnings.addAll(read.warnings());
      notes.addAll(read.notes());
      source += " (" + read.features() + " features)";
      // read before any rasterising, so a bad CSV is refused at once
      GroupsCsv groups = groupsCsv == null ? null
          : GroupsCsv.read(groupsCsv, orDefault(groupsKey, "ac_no"), groupsField, groupsLegend);
      maps.addAll(GeoJsonMasks.build(read.seats(), input.geojson.getFileName().toString(), stateWidth, districtPx,
          marginPx, !noDistricts, insetsBy != null, progress));
      if (groups != null) {
        GroupMaps.Result grouped = GroupMaps.build(read.seats(), maps.get(0), groups, districtPx, marginPx,
            input.geojson.getFileName().toString(), progress);
        maps.addAll(grouped.maps());
        pictures.add(grouped.picture());
        warnings.addAll(grouped.warnings());
      }
    } else {
      MapBuild state;
      if (input.indexed != null) {
        source = input.indexed.getFileName().toString();
        state = IndexedImageMasks.build(input.indexed, Legend.read(legend, true));
      } else {
        source = input.highlights.getFileName().toString() + "/";
        state = HighlightMasks.build(input.highlights, Integer.parseInt(highlightColor(), 1, 7, 16),
            orDefault(tolerance, 16), legend == null ? null : Legend.read(legend, false), progress);
      }
      maps.add(state);
      if (!noDistricts) {
        maps.addAll(DistrictCrop.districts(state, districtPx, marginPx));
      }
    }
    MapSet.Result result = MapSet.write(out, maps, pictures, progress);
    MaskSummary.print(stdout, source, result, notes, warnings, System.nanoTime() - started);
    stdout.flush();
    return 0;
  }

  private void validate() throws MaskInputException {
    boolean geo = input.geojson != null;
    String mode = geo ? "--geojson" : input.indexed != null ? "--indexed" : "--highlights";
    if (!geo) {
      for (Object[] option : new Object[][] {{"--id-field", idField}, {"--name-field", nameField},
          {"--group-field", groupField}, {"--width", width}, {"--insets-by", insetsBy}, {"--groups-csv", groupsCsv}}) {
        refuse(option[1] != null, option[0] + " is for --geojson, not " + mode
            + (option[0].equals("--width") ? " (an image map keeps the image's size)" : ""));
      }
    }
    if (input.highlights == null) {
      refuse(highlightColor != null || tolerance != null, "--highlight-color and --tolerance are for --highlights");
    }
    refuse(geo && legend != null, "--legend is for --indexed and --highlights (GeoJSON names come from "
        + "--name-field and --group-field)");
    refuse(input.indexed != null && legend == null, "--indexed needs --legend CSV (color,no,name,group)");
    refuse(groupsCsv == null && (groupsKey != null || groupsField != null || groupsLegend != null),
        "--groups-key, --groups-field and --groups-legend are for --groups-csv");
    refuse(groupsCsv != null && groupsField == null, "--groups-csv needs --groups-field COLUMN (the group of each "
        + "seat)");
    refuse(groupsCsv != null && noDistricts, "--groups-csv makes a map per group; it does not go with "
        + "--no-districts");
    String folder = groupsField == null ? null : MapSet.slug(groupsField);
    refuse(folder != null && List.of("state", MapBuild.DISTRICT).contains(folder), "--groups-field \"" + groupsField
        + "\" would file its maps in " + folder + "/, which the state and district maps use");
    checkRange("--width", width, MIN_WIDTH, MAX_WIDTH);
    checkRange("--district-width", districtWidth, MIN_WIDTH, MAX_WIDTH);
    checkRange("--margin", margin, 0, 256);
    checkRange("--tolerance", tolerance, 0, 255);
    refuse(margin != null && 4 * margin >= Math.min(orDefault(width, 1080), orDefault(districtWidth, 720)),
        "--margin " + margin + " leaves too little room in a " + Math.min(orDefault(width, 1080),
            orDefault(districtWidth, 720)) + " px wide map");
    if (input.highlights != null) {
      highlightColor();
    }
  }

  private String highlightColor() throws MaskInputException {
    String colour = orDefault(highlightColor, "#FFFF00");
    refuse(!colour.matches("#[0-9a-fA-F]{6}"), "--highlight-color \"" + colour + "\" is not #RRGGBB");
    return colour;
  }

  private static void checkRange(String option, Integer value, int min, int max) throws MaskInputException {
    refuse(value != null && (value < min || value > max), option + " " + value + " is out of range (" + min + " to "
        + max + ")");
  }

  private static void refuse(boolean condition, String message) throws MaskInputException {
    if (condition) {
      throw new MaskInputException(message);
    }
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
