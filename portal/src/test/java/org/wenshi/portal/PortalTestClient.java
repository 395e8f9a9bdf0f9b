package org.wenshi.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Real HTTP to the portal a test started on a random port. URIs are sent exactly as written
 * (WebTestClient's own URI templates would encode an already encoded {@code %} a second time);
 * {@link #query} builds a correctly encoded one from plain values.
 */
public final class PortalTestClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebTestClient client;
    private final int port;

    public PortalTestClient(int port) {
        this.port = port;
        // A connection per request, outside Reactor Netty's global pool: test contexts start and stop
        // servers (and the global resources they share), and a pooled connection must not outlive them.
        this.client = WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** GET of a path with an already encoded query. */
    public WebTestClient.RequestHeadersSpec<?> get(String pathAndQuery) {
        return client.get().uri(URI.create("http://localhost:" + port + pathAndQuery));
    }

    public WebTestClient.RequestBodyUriSpec post() {
        return client.post();
    }

    /** {@code path?name=value&…} with names and values percent-encoded as UTF-8. */
    public static String query(String path, String... namesAndValues) {
        StringBuilder s = new StringBuilder(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            s.append(i == 0 ? '?' : '&')
                    .append(encode(namesAndValues[i]))
                    .append('=')
                    .append(encode(namesAndValues[i + 1]));
        }
        return s.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    public static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
