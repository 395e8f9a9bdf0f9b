package org.wenshi.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wenshi.ingest.dedup.IndexedFingerprints;
import org.wenshi.ingest.dedup.ReprintCounts;
import org.wenshi.ingest.dedup.ReprintLookup;
import org.wenshi.ingest.enrich.DocumentEnricher;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.extract.ExtractInput;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.ExtractionException;
import org.wenshi.ingest.extract.Extractors;
import org.wenshi.ingest.index.BulkIndexer;
import org.wenshi.ingest.index.ContentHash;
import org.wenshi.ingest.index.DocumentBuilder;
import org.wenshi.ingest.index.DocumentBuilder.Dedup;
import org.wenshi.ingest.index.DocumentBuilder.FileFacts;
import org.wenshi.ingest.index.ElasticsearchUnavailableException;
import org.wenshi.ingest.index.IndexedDocuments;
import org.wenshi.ingest.report.Outcome;
import org.wenshi.ingest.report.Progress;
import org.wenshi.ingest.report.RunReport;
import org.wenshi.ingest.source.Format;
import org.wenshi.ingest.source.Found;
import org.wenshi.ingest.source.SourceContent;
import org.wenshi.ingest.source.WarcReader;
import org.wenshi.schema.Fields;

/**
 * Carries sources through the stages in batches: extraction and enrichment of a batch in parallel,
 * then, in source order, the decision against the index (unchanged: same id with the same stored
 * document; duplicate: same content hash as a canonical document indexed before or earlier in this
 * run, or a reprint of one, see {@link ReprintLookup}), then bulk indexing while the next batch is extracted. Source order makes "earlier" stable
 * across runs.
 *
 * <p>Every source handed to {@link #accept} is reported exactly once. A bad source affects only
 * itself; only Elasticsearch becoming unreachable stops the run
 * ({@link ElasticsearchUnavailableException}), with the sources of the current batch reported failed.
 */
final class IngestPipeline implements AutoCloseable {

    /**
     * Sizes and limits of a run; {@link #defaults()} suits the 2-core machines of this project.
     *
     * @param docTimeout longest time one source may spend in extraction and enrichment
     * @param ingestVersion fingerprint of the code and configuration; stored documents made by
     *     another one are extracted again even when their source did not change
     * @param force extract every source again, even when unchanged since it was indexed
     */
    record Settings(
            int batchSize,
            int bulkDocs,
            long bulkBytes,
            int bulkInFlight,
            int extractThreads,
            long maxFileBytes,
            Duration docTimeout,
            String ingestVersion,
            boolean force) {
        static Settings defaults() {
            return new Settings(
                    500,
                    500,
                    5L << 20,
                    2,
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    256L << 20,
                    Duration.ofMinutes(10),
                    "dev",
                    false);
        }

        Settings with(long maxFileBytes, Duration docTimeout, String ingestVersion, boolean force) {
            return new Settings(
                    batchSize,
                    bulkDocs,
                    bulkBytes,
                    bulkInFlight,
                    extractThreads,
                    maxFileBytes,
                    docTimeout,
                    ingestVersion,
                    force);
        }
    }

    private final Settings settings;
    private final Extractors extractors;
    private final DocumentEnricher enricher;
    private final DocumentBuilder builder = new DocumentBuilder();
    private final IndexedDocuments indexed;
    private final ReprintLookup reprints;
    private final BulkIndexer<DocumentContext> bulk;
    private final ReprintCounts reprintCounts;
    private final RunReport report;
    private final Progress progress;
    private final Semaphore slots;
    private final WarcReader webArchives;

    /**
     * Canonical documents of this run's recent batches, by content hash: they may not be visible to
     * a search yet (bulk in flight, refresh pending). Older ones are found in the index, so the map
     * is bounded and memory does not grow with the corpus.
     */
    private final Map<String, String> canonicalByHash = recent(RECENT);
    /** Ids of recent sources, to report the same source given twice (e.g. overlapping folders). */
    private final Set<String> seenIds = Collections.newSetFromMap(recent(RECENT));

    private List<DocumentContext> batch = new ArrayList<>();

    IngestPipeline(
            ElasticsearchClient client,
            String alias,
            Extractors extractors,
            DocumentEnricher enricher,
            RunReport report,
            Progress progress,
            Settings settings) {
        this.settings = settings;
        this.extractors = extractors;
        this.enricher = enricher;
        this.indexed = new IndexedDocuments(client, alias);
        this.reprints = new ReprintLookup(new IndexedFingerprints(client, alias));
        this.reprintCounts = new ReprintCounts(client, alias);
        this.report = report;
        this.progress = progress;
        this.bulk = new BulkIndexer<>(
                client,
                alias,
                settings.bulkDocs(),
                settings.bulkBytes(),
                settings.bulkInFlight(),
                new BulkIndexer.Listener<>() {
                    @Override
                    public void indexed(DocumentContext ctx) {
                        finish(ctx, ctx.pendingOutcome(), null);
                    }

                    @Override
                    public void failed(DocumentContext ctx, String reason) {
                        finish(ctx, Outcome.FAILED, reason);
                    }

                    @Override
                    public void requestTook(long nanos) {
                        report.metrics().bulk(nanos);
                    }
                });
        this.slots = new Semaphore(settings.extractThreads());
        this.webArchives = new WarcReader(settings.maxFileBytes());
    }

    private static final int RECENT = 50_000;

    private static <K, V> Map<K, V> recent(int capacity) {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Takes one source found; processes a batch when one is full. A web archive, given or found in a
     * folder, is not a source itself: its records are, taken in here one by one as they are read.
     */
    void accept(Found found) {
        if (found.skipReason().isEmpty() && found.source().webArchive()) {
            readArchive(found.source().path());
            return;
        }
        DocumentContext ctx = new DocumentContext(found);
        if (found.unchanged()) { // ingest-web: a page its server reports not modified (HTTP 304) ends here
            seenIds.add(ctx.id());
            finish(ctx, Outcome.UNCHANGED, found.skipReason().orElse(null));
            return;
        }
        if (found.skipReason().isEmpty() && !seenIds.add(ctx.id())) {
            finish(ctx, Outcome.SKIPPED, "the same source was already processed in this run");
            return;
        }
        extractors.prepare(found); // a crawled page or an archive's record may be the first PDF
        batch.add(ctx);
        if (batch.size() >= settings.batchSize()) {
            processBatch();
        }
    }

    /**
     * Streams the archive's records into {@link #accept} as they are read: the archive is never
     * loaded, a batch holds at most {@code batchSize} records. Counted as one source when the total
     * was known beforehand, it now counts as its records.
     */
    private void readArchive(Path archive) {
        progress.expectMore(-1);
        webArchives.read(archive, record -> {
            progress.expectMore(1);
            accept(record);
        });
    }

    /**
     * Processes what is left, waits for every bulk answer, refreshes the index and brings the
     * canonical documents' reprint counts up to date ({@link ReprintCounts}).
     */
    void finish() {
        processBatch();
        bulk.close();
        if (bulk.unavailable() != null) {
            throw bulk.unavailable();
        }
        bulk.refresh();
        reprintCounts.update();
    }

    private void processBatch() {
        List<DocumentContext> current = batch;
        batch = new ArrayList<>();
        if (current.isEmpty()) {
            return;
        }
        try {
            decide(current);
        } catch (ElasticsearchUnavailableException e) {
            for (DocumentContext ctx : current) {
                if (!ctx.reported() && ctx.pendingOutcome() == null) {
                    finish(ctx, Outcome.FAILED, "not indexed: " + e.getMessage());
                }
            }
            throw e;
        }
        if (bulk.unavailable() != null) {
            throw bulk.unavailable();
        }
    }

    private void decide(List<DocumentContext> current) {
        Set<String> batchIds = new LinkedHashSet<>();
        for (DocumentContext ctx : current) {
            if (ctx.skipReason() == null) {
                batchIds.add(ctx.id());
            }
        }
        Map<String, ObjectNode> stored = indexed.byId(batchIds);
        List<DocumentContext> toExtract = new ArrayList<>();
        for (DocumentContext ctx : current) {
            if (ctx.skipReason() == null && !settings.force() && sourceUnchanged(ctx, stored.get(ctx.id()))) {
                finish(ctx, Outcome.UNCHANGED, null);
            } else {
                toExtract.add(ctx);
            }
        }
        current = toExtract;
        extractAll(current);
        List<DocumentContext> ready = new ArrayList<>();
        for (DocumentContext ctx : current) {
            if (ctx.skipReason() != null) {
                finish(ctx, Outcome.SKIPPED, ctx.skipReason());
            } else if (ctx.failure() != null) {
                finish(ctx, Outcome.FAILED, ctx.failure());
            } else if (ctx.ready()) {
                ready.add(ctx);
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (DocumentContext ctx : ready) {
            hashes.add(ctx.contentHash());
        }
        Map<String, String> inIndex = indexed.canonicalByHash(hashes);
        reprints.prepare(ready.stream().map(c -> c.enrichment().fingerprint()).toList());
        Instant now = Instant.now();
        for (DocumentContext ctx : ready) {
            String id = ctx.id();
            String hash = ctx.contentHash();
            String original = canonicalByHash.get(hash);
            if (original == null || original.equals(id)) {
                original = inIndex.get(hash);
            }
            Dedup dedup = original == null || original.equals(id) ? Dedup.original() : Dedup.duplicateOf(original);
            if (dedup.canonical()) {
                dedup = reprints.decide(id, hash, ctx.enrichment().fingerprint());
            }
            ObjectNode document =
                    builder.build(ctx.source(), ctx.extraction(), ctx.enrichment(), ctx.file(), hash, dedup, now);
            document.put(Fields.INGEST_VERSION, settings.ingestVersion());
            if (dedup.canonical()) {
                canonicalByHash.putIfAbsent(hash, id);
            }
            ObjectNode previous = stored.get(id);
            if (previous != null && DocumentBuilder.sameAsStored(document, previous)) {
                finish(ctx, Outcome.UNCHANGED, null);
                continue;
            }
            ctx.toIndex(document, dedup.canonical() ? Outcome.INDEXED : Outcome.DUPLICATE, dedup.duplicateOf());
            bulk.add(
                    new BulkIndexer.Item<>(id, document, ctx.extraction().text().length() * 3L + 2048, ctx));
        }
    }

    /**
     * Extracts the batch on at most {@code extractThreads} threads at once. A source that takes longer
     * than the per-document limit is reported failed; its thread is interrupted and abandoned (a parser
     * deaf to interrupts cannot hold up the run, and the next source gets a fresh thread).
     */
    private void extractAll(List<DocumentContext> current) {
        long limitNanos = settings.docTimeout().toNanos();
        List<Running> running = new ArrayList<>();
        try {
            for (DocumentContext ctx : current) {
                if (ctx.skipReason() != null) {
                    continue;
                }
                while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    expire(running, limitNanos);
                }
                Running r = new Running(ctx, System.nanoTime());
                Thread t = new Thread(
                        () -> {
                            try {
                                extract(ctx);
                            } finally {
                                r.done.countDown();
                                if (!r.abandoned.get()) {
                                    slots.release();
                                }
                            }
                        },
                        "wenshi-extract");
                t.setDaemon(true);
                r.thread = t;
                running.add(r);
                t.start();
                expire(running, limitNanos);
            }
            for (Running r : running) {
                long left = r.started + limitNanos - System.nanoTime();
                if (!r.done.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    abandon(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting", e);
        }
    }

    private void expire(List<Running> running, long limitNanos) {
        long now = System.nanoTime();
        for (Running r : running) {
            if (r.done.getCount() > 0 && now - r.started > limitNanos) {
                abandon(r);
            }
        }
    }

    private void abandon(Running r) {
        if (r.abandoned.compareAndSet(false, true)) {
            r.ctx.timedOut("timed out: extraction took longer than "
                    + settings.docTimeout().toSeconds() + " s (limit; --doc-timeout)");
            r.thread.interrupt();
            slots.release();
        }
    }

    /** One extraction in progress. */
    private static final class Running {
        final DocumentContext ctx;
        final long started;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicBoolean abandoned = new AtomicBoolean();
        Thread thread;

        Running(DocumentContext ctx, long started) {
            this.ctx = ctx;
            this.started = started;
        }
    }

    /**
     * True when the index holds this source as made from the same bytes (size and modification
     * time) by the same code and configuration, so it need not be read again.
     */
    private boolean sourceUnchanged(DocumentContext ctx, ObjectNode stored) {
        if (stored == null || ctx.content() == null) {
            return false;
        }
        try {
            long size = ctx.content().size();
            Instant modified = ctx.content().modified();
            return size >= 0
                    && modified != null
                    && stored.path(Fields.FILE_SIZE).asLong(-1) == size
                    && stored.path(Fields.INGEST_VERSION).asText("").equals(settings.ingestVersion())
                    && stored.hasNonNull(Fields.SOURCE_MODIFIED)
                    && Instant.parse(stored.get(Fields.SOURCE_MODIFIED).asText())
                            .equals(modified);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Extracts and enriches one source; every problem ends up as the context's failure reason. */
    private void extract(DocumentContext ctx) {
        long started = System.nanoTime();
        try {
            SourceContent content = ctx.content();
            byte[] bytes = content.read(settings.maxFileBytes());
            Instant modified = content.modified();
            Extraction extraction = extractors
                    .forFormat(ctx.source().format().orElseThrow())
                    .extract(new ExtractInput(bytes, ctx.source(), content.declaredType()));
            Enrichment enrichment = enricher.enrich(extraction);
            ctx.extracted(
                    extraction,
                    enrichment,
                    new FileFacts(bytes.length, modified, content.validators().orElse(null)), // ingest-web: ETag etc.
                    ContentHash.of(extraction.text()));
        } catch (SourceContent.TooLargeException e) {
            ctx.failed(e.getMessage());
        } catch (NoSuchFileException e) {
            ctx.failed("unreadable: file disappeared");
        } catch (IOException e) {
            ctx.failed("unreadable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (ExtractionException e) {
            ctx.failed(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            ctx.failed("extraction error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            report.metrics()
                    .extracted(
                            ctx.source().format().map(Format::fieldValue).orElse("none"), System.nanoTime() - started);
        }
    }

    private void finish(DocumentContext ctx, Outcome outcome, String reason) {
        report.record(ctx.result(outcome, reason));
        progress.tick();
    }

    @Override
    public void close() {
        bulk.close();
    }
}
