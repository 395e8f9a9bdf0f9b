package org.wenshi.ingest.extract;

import java.time.Duration;
import org.wenshi.ingest.extract.isolated.ParseLimits;
import org.wenshi.ingest.extract.isolated.ParserPool;

/** One small pool of parse workers shared by the extractor unit tests of a test JVM (ended by its shutdown hook). */
final class TestParsers {
    private static ParserPool pool;

    private TestParsers() {}

    static synchronized ParserPool pool() {
        if (pool == null) {
            pool = new ParserPool(new ParseLimits(1, 512, Duration.ofSeconds(60), 1_000_000, 100, 300, 4000, 1L << 28));
        }
        return pool;
    }
}
