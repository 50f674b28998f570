package io.tallycast.web;

import java.util.function.Supplier;

/**
 * One large answer (the seat list, the summary) encoded, gzipped and hashed once per data version, so that hundreds
 * of clients asking between two changes cost a look at the version and a copy of bytes, not an encoding each. Called
 * on worker threads (it reads the store); one at a time, so a new version is encoded once however many ask for it.
 */
final class VersionedJson {
  private final Supplier<Object> build;
  private long version = Long.MIN_VALUE;
  private EncodedJson encoded;

  /** @param build reads the answer from the store (a JsonObject or JsonArray) */
  VersionedJson(Supplier<Object> build) {
    this.build = build;
  }

  /**
   * The answer at this data version or later. The version must be read before the data (as the store's reader does):
   * a change in between is then encoded again at the next version, never served as the older one.
   */
  synchronized EncodedJson at(long dataVersion) {
    if (encoded == null || dataVersion != version) {
      encoded = EncodedJson.withGzip(build.get());
      version = dataVersion;
    }
    return encoded;
  }
}
