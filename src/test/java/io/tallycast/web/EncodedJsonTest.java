package io.tallycast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The rules of revalidation and gzip negotiation, on their own (the HTTP side is in ApiCachingTest). */
class EncodedJsonTest {
  private final EncodedJson seats = EncodedJson.withGzip(new JsonArray().add(new JsonObject().put("no", 1)));

  @Test
  void the_same_data_has_the_same_strong_etag_and_other_data_another() {
    EncodedJson again = EncodedJson.withGzip(new JsonArray().add(new JsonObject().put("no", 1)));
    EncodedJson other = EncodedJson.withGzip(new JsonArray().add(new JsonObject().put("no", 2)));
    assertThat(again.etag()).isEqualTo(seats.etag()).startsWith("\"");
    assertThat(again.gzipEtag()).isEqualTo(seats.gzipEtag()).isNotEqualTo(seats.etag());
    assertThat(other.etag()).isNotEqualTo(seats.etag());
    assertThat(EncodedJson.once(new JsonArray()).etag()).startsWith("W/\"");
  }

  @Test
  void if_none_match_matches_either_encoding_a_list_a_weak_form_or_a_star() {
    assertThat(seats.notModified(seats.etag())).isTrue();
    assertThat(seats.notModified(seats.gzipEtag())).isTrue();
    assertThat(seats.notModified("\"x\", W/" + seats.etag())).isTrue();
    assertThat(seats.notModified("*")).isTrue();
    assertThat(seats.notModified("\"x\"")).isFalse();
    assertThat(seats.notModified(null)).isFalse();
  }

  @Test
  void gzip_is_sent_when_accepted_with_a_weight_above_zero() {
    assertThat(EncodedJson.acceptsGzip("gzip, deflate, br")).isTrue();
    assertThat(EncodedJson.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
    assertThat(EncodedJson.acceptsGzip("*")).isTrue();
    assertThat(EncodedJson.acceptsGzip("gzip;q=0, *")).isFalse();
    assertThat(EncodedJson.acceptsGzip("br, deflate")).isFalse();
    assertThat(EncodedJson.acceptsGzip("identity")).isFalse();
    assertThat(EncodedJson.acceptsGzip(null)).isFalse();
  }
}
