package io.tallycast.stream.output;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * FFmpeg's way to abandon a blocking open, connect or write: it polls an interrupt callback. One native callback
 * serves every connection (JavaCPP limits how many callback thunks exist); each connection registers a token whose
 * address is the callback's opaque argument, and answers "stop" once its deadline passed or it is being closed.
 */
final class Interrupts {
  private static final Map<Long, Token> TOKENS = new ConcurrentHashMap<>();
  private static final Callback CALLBACK = new Callback();

  private Interrupts() {
  }

  static final class Callback extends AVIOInterruptCB.Callback_Pointer {
    Callback() {
      super();
      retainReference();
    }

    @Override
    public int call(Pointer opaque) {
      Token token = opaque == null ? null : TOKENS.get(opaque.address());
      return token != null && token.interrupted() ? 1 : 0;
    }
  }

  /** One connection's interrupt state. */
  static final class Token implements AutoCloseable {
    private final BytePointer address = new BytePointer(1);
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile boolean aborted;

    Token() {
      TOKENS.put(address.address(), this);
    }

    /** Bounds what FFmpeg does from now on (open and header): interrupted after {@code nanos}. */
    void deadlineIn(long nanos) {
      deadlineNanos = System.nanoTime() + nanos;
    }

    void noDeadline() {
      deadlineNanos = Long.MAX_VALUE;
    }

    void abort() {
      aborted = true;
    }

    boolean interrupted() {
      return aborted || System.nanoTime() - deadlineNanos > 0 && deadlineNanos != Long.MAX_VALUE;
    }

    boolean timedOut() {
      return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    void install(AVIOInterruptCB cb) {
      cb.callback(CALLBACK).opaque(address);
    }

    @Override
    public void close() {
      TOKENS.remove(address.address());
      address.close();
    }
  }
}
