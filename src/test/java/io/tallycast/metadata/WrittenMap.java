package io.tallycast.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tallycast.map.MaskFile;
import io.tallycast.map.SeatMask;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** One map folder as the command wrote it, read back the way a test checks it: mask, seats.json, map.json, base. */
record WrittenMap(Path dir, MaskFile.Contents mask, JsonNode seats, JsonNode map) {
  static final ObjectMapper JSON = new ObjectMapper();

  static WrittenMap read(Path dir) {
    try (InputStream in = Files.newInputStream(dir.resolve("seats.mask"))) {
      return new WrittenMap(dir, MaskFile.read(in), JSON.readTree(dir.resolve("seats.json").toFile()),
          JSON.readTree(dir.resolve("map.json").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every map folder listed in the output folder's index.json, in its order. */
  static List<WrittenMap> all(Path out) throws IOException {
    List<WrittenMap> maps = new ArrayList<>();
    for (JsonNode m : JSON.readTree(out.resolve("index.json").toFile()).get("maps")) {
      maps.add(read(out.resolve(m.get("dir").asText())));
    }
    return maps;
  }

  BufferedImage base() {
    try {
      return ImageIO.read(dir.resolve("base.png").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SeatMask seat(int no) {
    return mask.seats().stream().filter(s -> s.seat() == no).findFirst().orElse(null);
  }

  List<Integer> seatNumbers() {
    return mask.seats().stream().map(SeatMask::seat).toList();
  }

  /** The owner grid rebuilt from the runs; fails the test at the first pixel two seats claim. */
  int[] owners() {
    int[] owner = new int[mask.width() * mask.height()];
    for (SeatMask seat : mask.seats()) {
      for (int i = 0; i < seat.runCount(); i++) {
        for (int x = seat.starts()[i]; x < seat.starts()[i] + seat.lengths()[i]; x++) {
          int p = seat.rows()[i] * mask.width() + x;
          if (owner[p] != 0) {
            throw new AssertionError(dir + ": pixel (" + x + "," + seat.rows()[i] + ") belongs to seats " + owner[p]
                + " and " + seat.seat());
          }
          owner[p] = seat.seat();
        }
      }
    }
    return owner;
  }
}
