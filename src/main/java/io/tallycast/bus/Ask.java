package io.tallycast.bus;

/**
 * An address that answers: a query of one type is sent to the single part that owns it, which replies with one type
 * or fails with a status ({@link Refusal}). A query type of {@link Void} means the request carries no body. Declared
 * only in {@link Contract}.
 */
public record Ask<Q, R>(String name, Class<Q> query, Class<R> reply) {
}
