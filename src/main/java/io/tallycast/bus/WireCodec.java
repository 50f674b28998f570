package io.tallycast.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The codec of one payload type. Within one JVM the record itself is handed over (payloads are immutable records, so
 * nothing is copied on the hot path); to another JVM of a cluster it travels as its {@link Wire} JSON, length first.
 */
final class WireCodec<T> implements MessageCodec<T, T> {
  private final Class<T> type;

  WireCodec(Class<T> type) {
    this.type = type;
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    byte[] json = Wire.bytes(value);
    buffer.appendInt(json.length).appendBytes(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return Wire.read(buffer.getBytes(pos + 4, pos + 4 + length), type);
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return "tallycast-" + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
