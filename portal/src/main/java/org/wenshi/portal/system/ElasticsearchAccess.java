package org.wenshi.portal.system;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import com.fasterxml.jackson.core.JsonParser;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wenshi.localnode.ElasticsearchEndpoint;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.IndexDefinition;
import org.wenshi.schema.IndexNames;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The portal's only way to Elasticsearch. It exists so that no feature has to care whether
 * Elasticsearch is up: the portal starts even while it is down, connects (and, without
 * {@code wenshi.es-url}, resolves or starts the managed local node) and creates the index in the
 * background, retrying until it succeeds, and every call made meanwhile fails fast with
 * {@link ElasticsearchUnavailableException}, which becomes a 503.
 *
 * <p>{@link #execute} is the one place that awaits Elasticsearch: it uses the asynchronous client
 * only, applies the timeout, records the time spent and translates client failures. It must never
 * call the blocking client on a request thread; the blocking client is used only by the startup
 * task, on a bounded-elastic thread.
 */
@Component
public class ElasticsearchAccess implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ElasticsearchAccess.class);

    private final WenshiProperties properties;
    private final IndexNames names;
    private final PortalMetrics metrics;
    private final AtomicReference<Connected> connected = new AtomicReference<>();
    private volatile String state = "starting";
    private volatile boolean indexReady;
    private volatile Disposable startup;
    private volatile boolean running;

    public ElasticsearchAccess(WenshiProperties properties, PortalMetrics metrics) {
        this.properties = properties;
        this.names = properties.indexNames();
        this.metrics = metrics;
        // An explicit URL costs nothing to open: searches can run before the index check is done.
        properties.configuredEsUrl().ifPresent(this::open);
    }

    /** The alias every search and lookup goes to. */
    public IndexNames names() {
        return names;
    }

    /** {@code true} once the index behind the alias is known to exist with this build's mapping. */
    public boolean indexReady() {
        return indexReady;
    }

    /** What the startup task last did, for health details and error logs. */
    public String state() {
        return state;
    }

    /**
     * Runs one call of the asynchronous client: times it as {@code operation}, bounds it by
     * {@code wenshi.es-timeout} and turns unavailability into {@link ElasticsearchUnavailableException}.
     * The call is made lazily, at subscription.
     */
    public <T> Mono<T> execute(String operation, Function<ElasticsearchAsyncClient, CompletableFuture<T>> call) {
        return timed(
                operation, c -> Mono.fromFuture(() -> call.apply(c.async())).timeout(properties.esTimeout()));
    }

    /**
     * Reads a successful answer of Elasticsearch from a parser placed before its first token, as it
     * streams by: a reader takes what it needs and skips the rest, with no tree of the whole answer.
     */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * Runs a search request (its body as the typed client would send it) through {@link SearchTransport}
     * and reads Elasticsearch's answer with {@code reader}: the one hot path (every results page and
     * {@code /api/search} call), kept on the portal's event loops and clear of the typed client's
     * deserialization. Timed, bounded and translated like {@link #execute}.
     */
    public <T> Mono<T> search(String operation, String index, SearchRequest request, AnswerReader<T> reader) {
        // SearchTransport bounds the wait itself (its response timeout runs on the connection's own event loop).
        return timed(operation, c -> c.search().post("/" + index + "/_search", body(request, c), reader));
    }

    private static byte[] body(SearchRequest request, Connected c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        JsonpMapper mapper = c.async()._jsonpMapper();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        return out.toByteArray();
    }

    private <T> Mono<T> timed(String operation, Function<Connected, Mono<T>> call) {
        return Mono.defer(() -> {
            Connected c = connected.get();
            if (c == null) {
                return Mono.error(new ElasticsearchUnavailableException(
                        "Not connected to Elasticsearch yet (" + state + ")", null));
            }
            long start = System.nanoTime();
            return call.apply(c)
                    .doOnSuccess(v -> record(operation, "success", start))
                    .onErrorMap(e -> {
                        Throwable translated = translate(e);
                        record(
                                operation,
                                translated instanceof ElasticsearchUnavailableException ? "unavailable" : "error",
                                start);
                        return translated;
                    });
        });
    }

    private void record(String operation, String outcome, long start) {
        metrics.elasticsearchTimer(operation, outcome).record(Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Maps a failure of the client to what the portal answers: unavailability (503), a query
     * Elasticsearch refused (400) or, for anything else, the failure itself (500).
     */
    static Throwable translate(Throwable e) {
        if (e instanceof CompletionException || e instanceof ExecutionException) {
            return e.getCause() == null ? e : translate(e.getCause());
        }
        if (e instanceof ApiException || e instanceof ElasticsearchUnavailableException) {
            return e;
        }
        if (e instanceof ElasticsearchException ee) {
            return translate(ee.status(), ee.error() == null ? null : ee.error().type(), e);
        }
        if (e instanceof SearchTransport.ErrorStatus status) {
            return translate(status.status, status.type, e);
        }
        if (e instanceof TimeoutException || e instanceof io.netty.handler.timeout.TimeoutException) {
            return new ElasticsearchUnavailableException("Elasticsearch did not answer in time", e);
        }
        if (e instanceof IOException) {
            return new ElasticsearchUnavailableException("Elasticsearch is not reachable", e);
        }
        return e;
    }

    /** What an error status of Elasticsearch means for the portal's answer. */
    private static Throwable translate(int status, String type, Throwable e) {
        if (status == 404 && "index_not_found_exception".equals(type)) {
            return new ElasticsearchUnavailableException("The index is not there yet", e);
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            return new ElasticsearchUnavailableException("Elasticsearch answered " + status, e);
        }
        if (status == 400) {
            return ApiException.badRequest(
                    "query_rejected", "The search engine could not run this query; simplify it and try again.");
        }
        return e;
    }

    private synchronized Connected open(String url) {
        Connected c = connected.get();
        if (c == null) {
            ElasticsearchConnection connection = ElasticsearchConnection.open(url);
            c = new Connected(
                    connection,
                    connection.asyncClient(),
                    new SearchTransport(connection.endpoints(), properties.esTimeout()));
            connected.set(c);
            log.info("Elasticsearch at {}, index alias '{}'", WenshiProperties.redact(url), names.alias());
        }
        return c;
    }

    /** Resolves the endpoint if needed and ensures the index; blocking, so only on a worker thread. */
    private void connectAndEnsureIndex() throws IOException {
        Connected c = connected.get();
        if (c == null) {
            state = "resolving the managed local node";
            c = open(ElasticsearchEndpoint.resolve().url().toString());
        }
        state = "checking index '" + names.alias() + "'";
        boolean created = IndexDefinition.load().ensureIndex(c.connection().client(), names);
        indexReady = true;
        state = "ready";
        log.info(
                created ? "Created index {} behind alias '{}'" : "Index {} behind alias '{}' is in place",
                names.versioned(),
                names.alias());
    }

    @Override
    public void start() {
        running = true;
        startup = BackgroundStart.run(
                "Elasticsearch",
                () -> {
                    try {
                        connectAndEnsureIndex();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                ElasticsearchAccess::worthRetrying,
                s -> state = s,
                log,
                "Cannot prepare index alias '" + names.alias() + "'; health reports DOWN until this is fixed and the"
                        + " portal restarted");
    }

    /** Unreachable or overloaded nodes come back; a mapping of another schema version does not. */
    private static boolean worthRetrying(Throwable e) {
        return translate(e) instanceof ElasticsearchUnavailableException
                || !(e instanceof IllegalStateException || e instanceof IllegalArgumentException);
    }

    @Override
    public void stop() {
        running = false;
        Disposable d = startup;
        if (d != null) {
            d.dispose();
        }
        Connected c = connected.getAndSet(null);
        if (c != null) {
            c.search().close();
            try {
                c.connection().close();
            } catch (IOException e) {
                log.debug("Closing the Elasticsearch connection failed", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Connected(
            ElasticsearchConnection connection, ElasticsearchAsyncClient async, SearchTransport search) {}
}
