package io.tallycast.bus;

/**
 * An address that carries one payload type, published to every consumer or sent to one. Declared only in
 * {@link Contract}.
 */
public record Address<T>(String name, Class<T> payload) {
}
