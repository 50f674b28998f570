package io.tallycast.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapSourceTest {
  @TempDir
  Path dir;

  @Test
  void a_source_is_a_folder_relative_to_the_configuration_or_an_embedded_classpath_prefix() {
    assertThat(MapSource.parse("classpath:/maps/west-bengal/", dir))
        .isEqualTo(MapSource.classpath("/maps/west-bengal/"));
    assertThat(MapSource.parse("classpath:maps/west-bengal", dir).classpathPrefix()).isEqualTo("/maps/west-bengal/");
    assertThat(MapSource.parse("../maps/west-bengal", dir).folder()).isEqualTo(dir.resolve("../maps/west-bengal"));
    assertThat(MapSource.classpath("/maps/nowhere/").exists()).isFalse();
    assertThat(MapSource.folder(dir).exists()).isFalse();
  }

  @Test
  void a_folder_source_lists_the_state_map_first_then_each_district_by_slug() throws Exception {
    SyntheticMaps.tree(dir, 2, List.of(1, 2, 3, 4), List.of("Zeta", "Zeta", "Alpha", "Alpha"));
    List<MapDefinition> maps = MapSource.folder(dir).load();
    assertThat(maps).extracting(MapDefinition::name).containsExactly("state", "district/alpha", "district/zeta");
    assertThat(maps.get(1).title()).isEqualTo("Alpha");
    assertThat(maps.get(1).seats()).extracting(SeatInfo::no).containsExactly(3, 4);
  }

  @Test
  void the_embedded_west_bengal_maps_load_from_the_class_path() throws Exception {
    java.util.Optional<MapSource> embedded = MapSource.embeddedWestBengal();
    org.junit.jupiter.api.Assumptions.assumeTrue(embedded.isPresent(), "no maps embedded in this build yet");
    List<MapDefinition> maps = embedded.get().load();
    assertThat(maps.get(0).name()).isEqualTo("state");
    assertThat(maps.get(0).masks()).hasSize(294);
    assertThat(maps.get(0).seats()).hasSize(294);
    assertThat(maps.stream().filter(m -> m.name().startsWith("district/")).mapToInt(m -> m.masks().size()).sum())
        .as("every seat on exactly one district map").isEqualTo(294);
  }

  @Test
  void a_map_whose_base_image_does_not_match_its_mask_is_refused_with_the_reason() throws Exception {
    SyntheticMaps.write(dir, "T", 2, List.of(1, 2), List.of("A", "A"));
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB), "png", dir.resolve("base.png").toFile());
    assertThatThrownBy(() -> MapDefinition.load("state", dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("base.png is 10x10 but the mask is 90x50");
  }
}
