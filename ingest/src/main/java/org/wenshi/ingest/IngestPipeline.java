package org.wenshi.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.wenshi.ingest.source.Found;
import org.wenshi.ingest.source.SourceContent;

/**
 * Carries sources through the stages in batches: extraction and enrichment of a batch in parallel,
 * then, in source order, the decision against the index (unchanged: same id with the same stored
 * document; duplicate: same content hash as a canonical document indexed before or earlier in this
 * run), then bulk indexing while the next batch is extracted. Source order makes "earlier" stable
 * across runs.
 *
 * <p>Every source handed to {@link #accept} is reported exactly once. A bad source affects only
 * itself; only Elasticsearch becoming unreachable stops the run
 * ({@link ElasticsearchUnavailableException}), with the sources of the current batch reported failed.
 */
final class IngestPipeline implements AutoCloseable {

    /** Sizes of a run; {@link #defaults()} suits the 2-core machines of this project. */
    record Settings(
            int batchSize, int bulkDocs, long bulkBytes, int bulkInFlight, int extractThreads, long maxFileBytes) {
        static Settings defaults() {
            return new Settings(
                    500, 500, 5L << 20, 2, Math.max(1, Runtime.getRuntime().availableProcessors()), 256L << 20);
        }
    }

    private final Settings settings;
    private final Extractors extractors;
    private final DocumentEnricher enricher;
    private final DocumentBuilder builder = new DocumentBuilder();
    private final IndexedDocuments indexed;
    private final BulkIndexer<DocumentContext> bulk;
    private final RunReport report;
    private final Progress progress;
    private final ExecutorService extractPool;

    private final Map<String, String> canonicalByHash = new HashMap<>();
    private final Set<String> seenIds = new HashSet<>();
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
                });
        this.extractPool = Executors.newFixedThreadPool(settings.extractThreads(), r -> {
            Thread t = new Thread(r, "wenshi-extract");
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes one source found; processes a batch when one is full. */
    void accept(Found found) {
        DocumentContext ctx = new DocumentContext(found);
        if (found.skipReason().isEmpty() && !seenIds.add(ctx.id())) {
            finish(ctx, Outcome.SKIPPED, "the same source was already processed in this run");
            return;
        }
        batch.add(ctx);
        if (batch.size() >= settings.batchSize()) {
            processBatch();
        }
    }

    /** Processes what is left, waits for every bulk answer and refreshes the index. */
    void finish() {
        processBatch();
        bulk.close();
        if (bulk.unavailable() != null) {
            throw bulk.unavailable();
        }
        bulk.refresh();
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
        Set<String> ids = new LinkedHashSet<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (DocumentContext ctx : ready) {
            ids.add(ctx.id());
            hashes.add(ctx.contentHash());
        }
        Map<String, ObjectNode> stored = indexed.byId(ids);
        Map<String, String> inIndex = indexed.canonicalByHash(hashes);
        Instant now = Instant.now();
        for (DocumentContext ctx : ready) {
            String id = ctx.id();
            String hash = ctx.contentHash();
            String original = canonicalByHash.get(hash);
            if (original == null || original.equals(id)) {
                original = inIndex.get(hash);
            }
            Dedup dedup = original == null || original.equals(id) ? Dedup.original() : Dedup.duplicateOf(original);
            ObjectNode document =
                    builder.build(ctx.source(), ctx.extraction(), ctx.enrichment(), ctx.file(), hash, dedup, now);
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

    private void extractAll(List<DocumentContext> current) {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (DocumentContext ctx : current) {
            if (ctx.skipReason() == null) {
                tasks.add(() -> {
                    extract(ctx);
                    return null;
                });
            }
        }
        try {
            for (Future<Void> f : extractPool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Extraction task failed unexpectedly", e.getCause());
        }
    }

    /** Extracts and enriches one source; every problem ends up as the context's failure reason. */
    private void extract(DocumentContext ctx) {
        try {
            SourceContent content = ctx.content();
            byte[] bytes = content.read(settings.maxFileBytes());
            Instant modified = content.modified();
            Extraction extraction = extractors
                    .forFormat(ctx.source().format().orElseThrow())
                    .extract(new ExtractInput(bytes, ctx.source(), content.declaredType()));
            Enrichment enrichment = enricher.enrich(extraction);
            ctx.extracted(
                    extraction, enrichment, new FileFacts(bytes.length, modified), ContentHash.of(extraction.text()));
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
        }
    }

    private void finish(DocumentContext ctx, Outcome outcome, String reason) {
        report.record(ctx.result(outcome, reason));
        progress.tick();
    }

    @Override
    public void close() {
        extractPool.shutdownNow();
        bulk.close();
    }
}
