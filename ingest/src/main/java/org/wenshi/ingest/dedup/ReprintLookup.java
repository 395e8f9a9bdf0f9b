package org.wenshi.ingest.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.wenshi.ingest.index.DocumentBuilder.Dedup;

/**
 * The ingest pipeline's view of reprints: for each batch, the canonical versions of the index that
 * might match ({@link #prepare}, one search), then, document by document in source order, whether a
 * text is a version of one already indexed or seen earlier in this run ({@link #decide}).
 *
 * <p>The canonical version of a group is the first one ingested: the one already in the index, or
 * within a run the first in source order. A decision never changes a document indexed earlier, so a
 * second run over the same sources decides the same way and its documents stay unchanged.
 */
public final class ReprintLookup {
    /** Where canonical versions from before this run come from (the index, or nowhere). */
    public interface EarlierVersions {
        /** Canonical versions sharing at least one of {@code bands}. */
        List<ReprintGroups.Version> sharingBands(Collection<String> bands);
    }

    private final EarlierVersions earlier;
    /** Canonical versions of this run kept in memory; older ones are found in the index. */
    static final int RECENT = 50_000;

    private final ReprintGroups run = new ReprintGroups(RECENT);
    private ReprintGroups batch = new ReprintGroups();

    public ReprintLookup(EarlierVersions earlier) {
        this.earlier = earlier;
    }

    /** Fetches the indexed canonical versions that share a band key with {@code fingerprints}. */
    public void prepare(Collection<Fingerprint> fingerprints) {
        List<String> bands = new ArrayList<>();
        fingerprints.forEach(f -> bands.addAll(f.bands()));
        batch = new ReprintGroups();
        earlier.sharingBands(bands).forEach(batch::add);
    }

    /**
     * How the document {@code id} relates to earlier versions: a reprint of the most similar one, or
     * canonical (then remembered for the rest of the run, heading the group {@code contentHash}).
     */
    public Dedup decide(String id, String contentHash, Fingerprint fingerprint) {
        Optional<ReprintGroups.Match> match =
                ReprintGroups.better(run.match(id, fingerprint), batch.match(id, fingerprint));
        if (match.isPresent()) {
            ReprintGroups.Version original = match.get().version();
            return Dedup.reprintOf(original.id(), original.group());
        }
        run.add(new ReprintGroups.Version(id, contentHash, fingerprint));
        return Dedup.original();
    }
}
