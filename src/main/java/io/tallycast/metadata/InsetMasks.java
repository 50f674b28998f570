package io.tallycast.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state map as labelled insets ({@code masks --insets-by FIELD}): the seats are grouped by the inset their
 * features name, each group is projected at its own scale into its own panel ({@link InsetLayout}), and the base image
 * carries each panel's frame and name. For a territory in pieces hundreds of km apart (Puducherry), where one plain
 * projection would leave most seats a few pixels. Seat ownership, pinholes and rescues follow the plain map's rules;
 * a seat whose parts name different insets is drawn in each of those panels.
 */
public final class InsetMasks {

  private InsetMasks() {
  }

  public static MapBuild rasterise(List<SeatShape> seats, int width, int margin, String source, Progress.Bar bar)
      throws MaskInputException {
    Map<String, List<SeatShape>> insets = new LinkedHashMap<>();
    for (SeatShape seat : seats) {
      for (String inset : seat.insets()) {
        insets.computeIfAbsent(inset, k -> new ArrayList<>()).add(seat.where(o -> inset.equals(o.inset())));
      }
    }
    List<InsetLayout.Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<SeatShape>> e : insets.entrySet()) {
      groups.add(InsetLayout.Group.measure(e.getKey(), e.getValue()));
    }
    InsetLayout.Plan plan = InsetLayout.plan(groups, width, margin);
    Map<String, Projection> projections = new HashMap<>();
    List<Map<String, Object>> transforms = new ArrayList<>();
    for (InsetLayout.Panel p : plan.panels()) {
      Projection projection = Projection.fitBox(insets.get(p.name()), p.x(), p.y() + p.band(), p.width(),
          p.height() - p.band(), margin);
      projections.put(p.name(), projection);
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", p.name());
      t.put("panel", List.of(p.x(), p.y(), p.width(), p.height()));
      t.put("captionBand", p.band());
      projection.transform().forEach((k, v) -> {
        if (!k.equals("formula")) {
          t.put(k, v);
        }
      });
      transforms.add(t);
    }
    MaskBuilder builder = new MaskBuilder(plan.width(), plan.height(), seats.stream().map(SeatShape::meta).toList());
    List<String> notes = GeoJsonMasks.fill(builder, seats,
        (seat, polygon) -> projections.get(seat.origins().get(polygon).inset()), bar);
    Map<String, Object> transform = new LinkedHashMap<>();
    transform.put("formula", "in each panel: x = offsetX + (lon - lon0) * cosLat * scale; "
        + "y = offsetY + (lat0 - lat) * scale");
    transform.put("panels", transforms);
    String projection = "insets: each group of seats projected at its own scale into its own panel, labelled in a "
        + "band at its top (" + plan.arrangement() + "); in each, equirectangular, x scaled by cos(the panel's mean "
        + "latitude), north up";
    return new MapBuild("state", null, null, builder.raster(), projection, transform, source, builder.rescues(),
        builder.conflicts(), notes, plan.panels());
  }
}
