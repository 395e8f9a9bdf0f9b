package org.wenshi.ingest.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes documents with the blocking client in bulk requests of at most {@code maxDocs} documents or
 * about {@code maxBytes}, with at most {@code maxInFlight} requests under way (a caller adding more
 * waits), so memory stays bounded whatever the size of the run. Each item's result goes back to the
 * caller's context object, so a failed item names its own source. Items rejected with 429 are
 * retried; a whole request that keeps failing marks every item failed and the indexer unavailable.
 *
 * <p>It never decides what to index (the pipeline does) and never drops an item without reporting it.
 *
 * @param <C> the caller's per-document context
 */
public final class BulkIndexer<C> implements AutoCloseable {

    /** One document to write, with the context its result is reported to. */
    public record Item<C>(String id, ObjectNode document, long estimatedBytes, C context) {}

    /** Receives each item's result, on an indexer thread. */
    public interface Listener<C> {
        void indexed(C context);

        void failed(C context, String reason);

        /** One bulk request (with its retries) took this long. */
        default void requestTook(long nanos) {}
    }

    private static final int ITEM_RETRIES = 3;

    private final ElasticsearchClient client;
    private final String alias;
    private final int maxDocs;
    private final long maxBytes;
    private final Listener<C> listener;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private final ExecutorService executor;
    private final AtomicReference<ElasticsearchUnavailableException> unavailable = new AtomicReference<>();

    private List<Item<C>> buffer = new ArrayList<>();
    private long bufferBytes;

    public BulkIndexer(
            ElasticsearchClient client,
            String alias,
            int maxDocs,
            long maxBytes,
            int maxInFlight,
            Listener<C> listener) {
        this.client = client;
        this.alias = alias;
        this.maxDocs = maxDocs;
        this.maxBytes = maxBytes;
        this.listener = listener;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.executor = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "wenshi-bulk");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds one document; sends the buffer when it is full (waiting while too many requests are under way). */
    public void add(Item<C> item) {
        buffer.add(item);
        bufferBytes += item.estimatedBytes();
        if (buffer.size() >= maxDocs || bufferBytes >= maxBytes) {
            flush();
        }
    }

    /** Sends what is buffered. */
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<Item<C>> batch = buffer;
        buffer = new ArrayList<>();
        bufferBytes = 0;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batch.forEach(i -> listener.failed(i.context(), "interrupted before indexing"));
            return;
        }
        executor.execute(() -> {
            try {
                send(batch);
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits until every request sent so far has been answered. */
    public void awaitAll() {
        try {
            inFlight.acquire(maxInFlight);
            inFlight.release(maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Set once a request failed for good because Elasticsearch could not be reached. */
    public ElasticsearchUnavailableException unavailable() {
        return unavailable.get();
    }

    private void send(List<Item<C>> batch) {
        List<Item<C>> pending = batch;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (unavailable.get() != null) {
                fail(pending, "not indexed: " + unavailable.get().getMessage());
                return;
            }
            BulkResponse response;
            try {
                List<Item<C>> request = pending;
                long started = System.nanoTime();
                response = Retrying.call(
                        "bulk request of " + request.size() + " documents", () -> client.bulk(bulk(request)));
                listener.requestTook(System.nanoTime() - started);
            } catch (ElasticsearchUnavailableException e) {
                unavailable.compareAndSet(null, e);
                fail(pending, "not indexed: " + e.getMessage());
                return;
            } catch (ElasticsearchException e) {
                fail(pending, "bulk request rejected: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                fail(pending, "bulk request failed: " + Retrying.describe(e));
                return;
            }
            List<Item<C>> retry = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < pending.size(); i++) {
                Item<C> item = pending.get(i);
                BulkResponseItem result = i < items.size() ? items.get(i) : null;
                if (result == null) {
                    listener.failed(item.context(), "bulk item error: no result for this item");
                } else if (result.error() == null) {
                    listener.indexed(item.context());
                } else if (result.status() == 429 && attempt < ITEM_RETRIES) {
                    retry.add(item);
                } else {
                    listener.failed(
                            item.context(),
                            "bulk item error: " + result.error().type() + ": "
                                    + result.error().reason());
                }
            }
            if (!retry.isEmpty()) {
                Retrying.sleep(500L << attempt);
            }
            pending = retry;
        }
    }

    private BulkRequest bulk(List<Item<C>> items) {
        BulkRequest.Builder b = new BulkRequest.Builder().index(alias);
        for (Item<C> item : items) {
            b.operations(op -> op.index(i -> i.id(item.id()).document(item.document())));
        }
        return b.build();
    }

    private void fail(List<Item<C>> items, String reason) {
        items.forEach(i -> listener.failed(i.context(), reason));
    }

    /** Makes the documents written so far visible to search. */
    public void refresh() {
        Retrying.call("refresh", () -> client.indices().refresh(r -> r.index(alias)));
    }

    /** Sends what is buffered, waits for every answer and stops the indexer's threads. */
    @Override
    public void close() {
        flush();
        awaitAll();
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
