package org.wenshi.localnode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An index template that gives every index created on the managed single node zero replicas, so
 * that the node's health is green rather than yellow forever (a replica can never be assigned on
 * one node). The project's own index needs none of this ({@code auto_expand_replicas: 0-1}); the
 * template covers indices that other tools create. It is installed only on the managed local node,
 * never on a cluster given by {@code WENSHI_ES_URL}.
 */
final class SingleNodeTemplate {
    static final String NAME = "wenshi-local-single-node";
    static final String BODY = "{\"index_patterns\":[\"*\"],\"priority\":0,"
            + "\"_meta\":{\"description\":\"managed single local node: no replicas, so health can be green\"},"
            + "\"template\":{\"settings\":{\"index.number_of_replicas\":0}}}";

    private SingleNodeTemplate() {}

    /** Creates or replaces the template; idempotent. */
    static void install(URI base) throws IOException, InterruptedException {
        HttpRequest request = NodeHttp.request(base, "/_index_template/" + NAME, Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        HttpResponse<String> response = NodeHttp.send(request);
        if (response.statusCode() != 200) {
            throw new IOException(
                    "PUT _index_template/" + NAME + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Names the indices that keep the node from green, for an error message; empty if unknown. */
    static String describeUnassigned(URI base) {
        HttpRequest request = NodeHttp.request(
                        base, "/_cat/indices?health=yellow,red&h=index,health,rep", Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            String body = NodeHttp.send(request).body().strip();
            return body.isEmpty()
                    ? ""
                    : "; indices not green (index health replicas):\n" + body
                            + "\n(an index created with replicas before this node had its single-node template:"
                            + " set its index.number_of_replicas to 0)";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
