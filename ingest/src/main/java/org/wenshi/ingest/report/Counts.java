package org.wenshi.ingest.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of outcomes in one run, safe to update from the indexing threads. Its {@link #lastLine()}
 * is the command's contract: {@code ingested=N unchanged=N duplicates=N skipped=N failed=N}.
 */
public final class Counts {
    private final AtomicLongArray counts = new AtomicLongArray(Outcome.values().length);

    public void add(Outcome outcome) {
        counts.incrementAndGet(outcome.ordinal());
    }

    public long get(Outcome outcome) {
        return counts.get(outcome.ordinal());
    }

    public long total() {
        long t = 0;
        for (int i = 0; i < counts.length(); i++) {
            t += counts.get(i);
        }
        return t;
    }

    public Map<Outcome, Long> asMap() {
        Map<Outcome, Long> m = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, get(o));
        }
        return m;
    }

    /** The command's last line. */
    public String lastLine() {
        return "ingested=" + get(Outcome.INDEXED) + " unchanged=" + get(Outcome.UNCHANGED)
                + " duplicates=" + get(Outcome.DUPLICATE) + " skipped=" + get(Outcome.SKIPPED)
                + " failed=" + get(Outcome.FAILED);
    }
}
