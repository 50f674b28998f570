package io.tallycast.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The event bus as the parts use it: only through the typed addresses of {@link Contract}, so what is sent is what is
 * received, checked by the compiler. Every payload type has its {@link WireCodec}, registered once per Vert.x.
 */
public final class Bus {
  private final Vertx vertx;

  private Bus(Vertx vertx) {
    this.vertx = vertx;
  }

  public static Bus of(Vertx vertx) {
    if (vertx.sharedData().getLocalMap(Bus.class.getName()).putIfAbsent("codecs", true) == null) {
      registerCodecs(vertx.eventBus());
    }
    return new Bus(vertx);
  }

  public <T> void publish(Address<T> address, T payload) {
    vertx.eventBus().publish(address.name(), payload, new DeliveryOptions().setLocalOnly(!address.acrossNodes()));
  }

  /** The committed events of one kind ({@link Contract#EVENTS} carries them all). */
  public <E extends ResultEvent> MessageConsumer<ResultEvent> subscribeTo(Class<E> kind, Consumer<E> handler) {
    return subscribe(Contract.EVENTS, e -> {
      if (kind.isInstance(e)) {
        handler.accept(kind.cast(e));
      }
    });
  }

  public <T> MessageConsumer<T> subscribe(Address<T> address, Consumer<T> handler) {
    return address.acrossNodes() ? vertx.eventBus().consumer(address.name(), m -> handler.accept(m.body()))
        : vertx.eventBus().localConsumer(address.name(), m -> handler.accept(m.body()));
  }

  /**
   * Asks the part of this node that answers {@code ask}; fails with a {@code ReplyException} (no one, a refusal, a
   * timeout). Asks never cross nodes: on a cluster each node answers its own parts.
   */
  public <Q, R> Future<R> request(Ask<Q, R> ask, Q query, long timeoutMs) {
    return vertx.eventBus().<R>request(ask.name(), query, new DeliveryOptions().setSendTimeout(timeoutMs)
            .setLocalOnly(true))
        .map(Message::body);
  }

  /**
   * Answers {@code ask} with what {@code work} returns; a {@link Refusal} fails the request with its status, anything
   * else with 500 and its message.
   */
  public <Q, R> MessageConsumer<Q> answer(Ask<Q, R> ask, Function<Q, Future<R>> work) {
    return vertx.eventBus().<Q>localConsumer(ask.name(), m -> {
      Future<R> answer;
      try {
        answer = work.apply(m.body());
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onSuccess(m::reply).onFailure(e -> m.fail(e instanceof Refusal r ? r.status() : 500,
          String.valueOf(e.getMessage())));
    });
  }

  private static void registerCodecs(EventBus bus) {
    for (Class<?> type : Contract.payloadTypes()) {
      register(bus, type);
    }
  }

  private static <T> void register(EventBus bus, Class<T> type) {
    try {
      bus.registerDefaultCodec(type, new WireCodec<>(type));
    } catch (IllegalStateException alreadyRegistered) {
      // another part of this JVM registered it first: the same codec
    }
  }
}
