package io.tallycast.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@SlowTier
class BrowserTest {

  @Test
  void the_test_browser_shows_a_page_at_exactly_the_size_asked_for_and_saves_screenshots_of_it() throws Exception {
    try (Browser browser = Browser.open(1280, 720)) {
      browser.go("data:text/html,<body style='margin:0;background:%23123456'><p id=p>tallycast</p></body>");
      assertThat(browser.js("return [innerWidth, innerHeight, devicePixelRatio]")).isEqualTo(
          java.util.List.of(1280L, 720L, 1L));
      BufferedImage shot = ImageIO.read(browser.screenshot("browser-check").toFile());
      assertThat(shot.getWidth()).isEqualTo(1280);
      assertThat(shot.getHeight()).isEqualTo(720);
      assertThat(shot.getRGB(1000, 600) & 0xFFFFFF).isEqualTo(0x123456);
    }
  }
}
