package io.tallycast.map;

import io.tallycast.election.Election;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a state's maps come from: a folder ({@code maps/west-bengal/} as the mask command writes it) or the same tree
 * embedded in the jar under a classpath prefix. Either way it holds {@code state/} and {@code district/<slug>/}.
 *
 * @param folder          the folder, or null for a classpath source
 * @param classpathPrefix e.g. "/maps/west-bengal/", or null for a folder source
 */
public record MapSource(Path folder, String classpathPrefix) {
  /** The embedded West Bengal maps (the repository's maps/ folder, packaged into the jar under /maps/). */
  public static final String WEST_BENGAL = "/maps/west-bengal/";
  private static final String CLASSPATH = "classpath:";

  public MapSource {
    if ((folder == null) == (classpathPrefix == null)) {
      throw new IllegalArgumentException("a map source is either a folder or a classpath prefix");
    }
  }

  public static MapSource folder(Path folder) {
    return new MapSource(folder, null);
  }

  public static MapSource classpath(String prefix) {
    String p = prefix.startsWith("/") ? prefix : "/" + prefix;
    return new MapSource(null, p.endsWith("/") ? p : p + "/");
  }

  /**
   * The configuration spelling: "classpath:/maps/west-bengal/" for embedded maps, otherwise a folder (relative to
   * base).
   */
  public static MapSource parse(String text, Path base) {
    String t = text.strip();
    return t.startsWith(CLASSPATH) ? classpath(t.substring(CLASSPATH.length())) : folder(base.resolve(t));
  }

  /** The embedded West Bengal maps; empty when this build carries none (the jar was built before they existed). */
  /**
   * The maps embedded in the jar for a state, by its name: {@code /maps/tamil-nadu/} for "Tamil Nadu" (made by
   * {@code tallycast masks} into maps/), or none when the build has none for it.
   */
  public static java.util.Optional<MapSource> embeddedFor(String stateName) {
    String slug = stateName.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    MapSource source = classpath("/maps/" + slug + "/");
    return source.exists() ? java.util.Optional.of(source) : java.util.Optional.empty();
  }

  /**
   * Each state's embedded maps by state code, for the states this build has maps of. For the Lok Sabha 2024 election
   * (id "ls2024") the 36 maps of {@code maps/ls2024/} ({@link Ls2024Maps}), keyed by ECI code, seats by PC number.
   */
  public static Map<String, MapSource> embeddedFor(Election election) {
    Map<String, MapSource> out = new java.util.LinkedHashMap<>();
    if (Ls2024Maps.ELECTION.equals(election.id())) {
      Map<String, MapSource> ls2024 = embeddedLs2024();
      election.states().forEach(s -> java.util.Optional.ofNullable(ls2024.get(s.stateCode()))
          .ifPresent(m -> out.put(s.stateCode(), m)));
      return out;
    }
    election.states().forEach(s -> embeddedFor(s.state()).ifPresent(m -> out.put(s.stateCode(), m)));
    return out;
  }

  /** The Lok Sabha 2024 maps of every state and union territory by ECI code; empty when the build has none. */
  public static Map<String, MapSource> embeddedLs2024() {
    return Ls2024Maps.embedded().map(Ls2024Maps::states).orElse(Map.of());
  }

  /**
   * The Lok Sabha 2024 national map (543 seats numbered 1..543 in state code and PC order: see
   * {@link Ls2024Maps#nationalNo}); empty when the build has none.
   */
  public static java.util.Optional<MapSource> embeddedLs2024National() {
    return Ls2024Maps.embedded().map(Ls2024Maps::national).filter(MapSource::exists);
  }

  public static java.util.Optional<MapSource> embeddedWestBengal() {
    MapSource source = classpath(WEST_BENGAL);
    return source.exists() ? java.util.Optional.of(source) : java.util.Optional.empty();
  }

  public boolean exists() {
    return folder != null ? Files.isRegularFile(folder.resolve("state").resolve(MaskFile.FILE_NAME))
        : MapSource.class.getResource(classpathPrefix + "state/" + MaskFile.FILE_NAME) != null;
  }

  /** Reads every map of the source: blocking file I/O and PNG decoding, so never on an event loop. */
  public List<MapDefinition> load() throws IOException {
    return read(MapDefinition::loadAll);
  }

  /** The still pictures the maps come with (West Bengal 2021's state coloured by polling phase). Blocking. */
  public List<MapDefinition.Picture> pictures() throws IOException {
    return read(MapDefinition::pictures);
  }

  private interface Reading<T> {
    T from(Path root) throws IOException;
  }

  private <T> T read(Reading<T> reading) throws IOException {
    if (folder != null) {
      return reading.from(folder);
    }
    URL marker = MapSource.class.getResource(classpathPrefix + "state/" + MaskFile.FILE_NAME);
    if (marker == null) {
      throw new IOException("no maps embedded under " + classpathPrefix + " (no state/" + MaskFile.FILE_NAME + ")");
    }
    URI uri;
    try {
      uri = marker.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate " + marker, e);
    }
    if (!"jar".equals(uri.getScheme())) {
      return reading.from(Path.of(uri).getParent().getParent());
    }
    // inside the jar: walk it as a file system (opened here, closed after; or borrowed if another part opened it)
    FileSystem zip;
    boolean opened;
    try {
      zip = FileSystems.newFileSystem(uri, Map.of());
      opened = true;
    } catch (FileSystemAlreadyExistsException e) {
      zip = FileSystems.getFileSystem(uri);
      opened = false;
    }
    try {
      return reading.from(zip.getPath(classpathPrefix));
    } finally {
      if (opened) {
        zip.close();
      }
    }
  }

  @Override
  public String toString() {
    return folder != null ? folder.toString() : CLASSPATH + classpathPrefix;
  }
}
