package org.wenshi.portal.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.wenshi.schema.ElasticsearchConnection;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Sends the portal's searches to Elasticsearch over Reactor Netty, on the same event loops that
 * serve the portal's own HTTP, and hands the answer to a streaming reader. It exists for the one hot path
 * (every results page and {@code /api/search} call): the typed client's transport hands each request
 * to its own I/O threads and back, and that handoff, its per-request bookkeeping and its typed
 * deserialization cost the portal more CPU per search than everything else it does. Every other call
 * keeps the official client.
 *
 * <p>It reaches the nodes {@link ElasticsearchConnection.Endpoints} names, with the same
 * credentials and trusted certificates, taking them in turn and moving to the next when one cannot be
 * reached. It must never block and never retry a search that a node answered, even with an error.
 */
final class SearchTransport implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpClient> nodes;
    private final ConnectionProvider connections;
    private final AtomicInteger next = new AtomicInteger();

    SearchTransport(ElasticsearchConnection.Endpoints endpoints, Duration timeout) {
        this.connections = ConnectionProvider.builder("wenshi-elasticsearch")
                .maxConnections(64)
                .pendingAcquireMaxCount(1_000)
                .maxIdleTime(Duration.ofSeconds(50))
                .build();
        SslContext ssl =
                endpoints.nodes().stream().anyMatch(u -> "https".equals(u.getScheme())) ? sslContext(endpoints) : null;
        this.nodes = endpoints.nodes().stream()
                .map(node -> client(node, endpoints.authorization(), ssl, timeout))
                .toList();
    }

    private HttpClient client(URI node, String authorization, SslContext ssl, Duration timeout) {
        HttpClient client = HttpClient.create(connections)
                .baseUrl(node.toString())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000) // as the official client's connection
                .responseTimeout(timeout)
                .headers(h -> {
                    h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                    if (authorization != null) {
                        h.set(HttpHeaderNames.AUTHORIZATION, authorization);
                    }
                });
        return "https".equals(node.getScheme()) ? client.secure(spec -> spec.sslContext(ssl)) : client;
    }

    private static SslContext sslContext(ElasticsearchConnection.Endpoints endpoints) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (endpoints.caCertificates() != null) {
                builder.trustManager(endpoints.caCertificates());
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("Cannot set up TLS to Elasticsearch: " + e.getMessage(), e);
        }
    }

    /**
     * POSTs {@code body} to {@code path} and reads a successful answer with {@code reader}, which is given
     * a parser before the answer's first token; an error status becomes {@link ErrorStatus}.
     */
    <T> Mono<T> post(String path, byte[] body, ElasticsearchAccess.AnswerReader<T> reader) {
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        return post(path, body, reader, first, 0);
    }

    private <T> Mono<T> post(
            String path, byte[] body, ElasticsearchAccess.AnswerReader<T> reader, int node, int tried) {
        return nodes.get(node)
                .post()
                .uri(path)
                .send((request, out) -> {
                    // A known length, not chunked transfer encoding, which costs Elasticsearch more to read.
                    request.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
                    return out.sendByteArray(Mono.just(body));
                })
                .responseSingle((response, content) -> content.asByteArray()
                        .map(bytes -> read(bytes, response.status().code(), reader))
                        .switchIfEmpty(Mono.error(
                                () -> new ErrorStatus(response.status().code(), null))))
                .onErrorResume(
                        e -> unreachable(e) && tried + 1 < nodes.size(),
                        e -> post(path, body, reader, (node + 1) % nodes.size(), tried + 1));
    }

    private static <T> T read(byte[] json, int status, ElasticsearchAccess.AnswerReader<T> reader) {
        try {
            if (status >= 300) {
                JsonNode tree = JSON.readTree(json);
                throw new ErrorStatus(status, tree.path("error").path("type").asText(null));
            }
            try (JsonParser parser = JSON.createParser(json)) {
                T value = reader.read(parser);
                if (value == null) {
                    throw new ErrorStatus(status, null);
                }
                return value;
            }
        } catch (IOException e) {
            throw new ErrorStatus(status, null);
        }
    }

    /** The node was not reached, or dropped the connection before answering: another node may serve. */
    private static boolean unreachable(Throwable e) {
        return e instanceof java.net.ConnectException
                || e.getCause() instanceof java.net.ConnectException
                || e instanceof PrematureCloseException;
    }

    @Override
    public void close() {
        connections.dispose();
    }

    /** Elasticsearch answered with an error status; {@code type} is its {@code error.type}, if any. */
    static final class ErrorStatus extends RuntimeException {
        final int status;
        final String type;

        ErrorStatus(int status, String type) {
            super("Elasticsearch answered " + status + (type == null ? "" : " (" + type + ")"), null, false, false);
            this.status = status;
            this.type = type;
        }
    }
}
