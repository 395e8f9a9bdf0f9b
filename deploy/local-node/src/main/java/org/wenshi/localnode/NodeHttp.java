package org.wenshi.localnode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The launcher's one HTTP client for talking to the node it manages (health, the single-node
 * template, diagnostics), on the JDK alone. It must never be used for documents or searches: those
 * go through the Elasticsearch client of the programs that use the node.
 */
final class NodeHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private NodeHttp() {}

    /** {@code base} (with or without a trailing slash) followed by {@code pathAndQuery}. */
    static HttpRequest.Builder request(URI base, String pathAndQuery, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery))
                .timeout(timeout);
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
