package io.tallycast.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class of the full tier only: it runs a browser, Xvfb, an FFmpeg process, a whole demo, or waits seconds for a
 * counting day to move. {@code ./tallycast test --fast} leaves these out (JUnit tag "slow"); {@code ./tallycast test}
 * and CI run everything. {@code TestTiersTest} fails a class that starts a browser, a demo or FFmpeg without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface SlowTier {
}
