package org.wenshi.localnode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code GET /_cluster/health} answer, asked with the JDK's HTTP client.
 *
 * <p>Exists so that liveness has one definition: a node is "this home's node" when it answers
 * {@code /_cluster/health} with this home's cluster name ({@code GET /} answers 405 in the minimal
 * distribution). It reads the three fields it needs with patterns rather than a JSON library, to keep
 * the module on the JDK alone; it must never be used for anything but this health answer.
 *
 * @param httpStatus 200, or 408 when {@code wait_for_status} timed out
 * @param clusterName {@code cluster_name}
 * @param status {@code green}, {@code yellow} or {@code red}
 * @param timedOut {@code timed_out}: the awaited status was not reached
 */
record ClusterHealth(int httpStatus, String clusterName, String status, boolean timedOut) {

    private static final Pattern CLUSTER_NAME = Pattern.compile("\"cluster_name\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern TIMED_OUT = Pattern.compile("\"timed_out\"\\s*:\\s*(true|false)");

    /** Green or yellow without a timeout: every primary shard is active, the node serves requests. */
    boolean usable() {
        return reached("yellow");
    }

    /** {@code wanted} ({@code yellow} or {@code green}) or better, without a timeout. */
    boolean reached(String wanted) {
        return !timedOut && (wanted.equals(status) || "green".equals(status));
    }

    /**
     * Asks {@code base + /_cluster/health + query}; empty when nothing (or nothing like Elasticsearch)
     * answers within {@code timeout}.
     */
    static Optional<ClusterHealth> ask(URI base, String query, Duration timeout) {
        HttpRequest request = NodeHttp.request(base, "/_cluster/health" + query, timeout)
                .GET()
                .build();
        try {
            HttpResponse<String> response = NodeHttp.send(request);
            return parse(response.statusCode(), response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<ClusterHealth> parse(int httpStatus, String body) {
        Matcher name = CLUSTER_NAME.matcher(body);
        Matcher status = STATUS.matcher(body);
        if (!name.find() || !status.find()) {
            return Optional.empty();
        }
        Matcher timedOut = TIMED_OUT.matcher(body);
        return Optional.of(new ClusterHealth(
                httpStatus, name.group(1), status.group(1), timedOut.find() && "true".equals(timedOut.group(1))));
    }
}
