package org.wenshi.ingest.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical versions known so far, looked up by band key, and the rule that decides whether a
 * new text is a version of one of them: an estimated Jaccard similarity of its shingles of at least
 * {@link #SIMILAR}. When several qualify the most similar wins, then the smallest id, so the answer
 * does not depend on hash-map order. It holds canonical versions only: a reprint joins the group of
 * the version it resembles and is never itself the target of a later match, so a group never chains
 * from one version to a distant one.
 */
public final class ReprintGroups {
    /**
     * The sentence similarity from which two texts are versions of one: on the evaluation set,
     * reprints with a changed header, injected lines or a missing paragraph score 0.64–1.0 and
     * distinct documents at most 0.15; documents of the sample archive, written from shared
     * templates, at most 0.43 in its first 200 and above 0.5 for two pairs of its 320 (see
     * docs/quality.md), hence 0.6.
     */
    public static final double SIMILAR = 0.6;

    /** One canonical version: its document id, the group it heads and its fingerprint. */
    public record Version(String id, String group, Fingerprint fingerprint) {}

    /** A match: the canonical version and how similar the new text is to it. */
    public record Match(Version version, double similarity) {}

    private final Map<String, List<Version>> byBand = new HashMap<>();
    private final Map<String, Version> byId = new LinkedHashMap<>();
    private final int capacity;

    /** Holds any number of versions (one batch's candidates). */
    public ReprintGroups() {
        this(Integer.MAX_VALUE);
    }

    /**
     * Holds the {@code capacity} versions added last, forgetting older ones (a run's memory stays
     * bounded; older versions are in the index by then and found there).
     */
    public ReprintGroups(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers a canonical version. */
    public void add(Version version) {
        if (byId.putIfAbsent(version.id(), version) != null) {
            return;
        }
        for (String band : version.fingerprint().bands()) {
            byBand.computeIfAbsent(band, k -> new ArrayList<>(1)).add(version);
        }
        if (byId.size() > capacity) {
            Version eldest = byId.values().iterator().next();
            byId.remove(eldest.id());
            for (String band : eldest.fingerprint().bands()) {
                List<Version> list = byBand.get(band);
                list.remove(eldest);
                if (list.isEmpty()) {
                    byBand.remove(band);
                }
            }
        }
    }

    /** How many versions are held. */
    int size() {
        return byId.size();
    }

    /** The canonical version {@code fingerprint} is a version of, other than {@code id} itself. */
    public Optional<Match> match(String id, Fingerprint fingerprint) {
        Set<Version> candidates = new LinkedHashSet<>();
        for (String band : fingerprint.bands()) {
            candidates.addAll(byBand.getOrDefault(band, List.of()));
        }
        return candidates.stream()
                .filter(v -> !v.id().equals(id))
                .map(v -> new Match(v, fingerprint.similarity(v.fingerprint())))
                .filter(m -> m.similarity() >= SIMILAR)
                .max(Comparator.comparingDouble(Match::similarity)
                        .thenComparing(m -> m.version().id(), Comparator.reverseOrder()));
    }

    /** The better of two optional matches (more similar, then smaller id). */
    static Optional<Match> better(Optional<Match> a, Optional<Match> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        Match x = a.get();
        Match y = b.get();
        if (x.similarity() != y.similarity()) {
            return x.similarity() > y.similarity() ? a : b;
        }
        return x.version().id().compareTo(y.version().id()) <= 0 ? a : b;
    }
}
