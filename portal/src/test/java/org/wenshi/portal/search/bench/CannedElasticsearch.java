package org.wenshi.portal.search.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * For the portal's CPU benchmark ({@code portal-cpu.sh}): an HTTP server that answers each search of
 * a {@code requests.tsv} (see {@link BenchRequests}) with the answer a real Elasticsearch node gave to
 * it once, at start. With Elasticsearch's own work out of the way, the CPU a portal spends per search
 * can be compared between two builds without the node's noise. Any other path gets a small
 * cluster-info answer. Not a test.
 *
 * <p>Usage: {@code CannedElasticsearch PORT REQUESTS.tsv ELASTICSEARCH_URL INDEX}
 */
public final class CannedElasticsearch {
    private CannedElasticsearch() {}

    public static void main(String[] args) throws Exception {
        // Without it the JDK's server meets delayed acknowledgements: about 40 ms per answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        URI search = URI.create(args[2].replaceAll("/+$", "") + "/" + args[3] + "/_search");
        Map<String, byte[]> answers = record(lines, search);
        byte[] info = "{\"cluster_name\":\"canned\",\"status\":\"green\",\"version\":{\"number\":\"8\"}}"
                .getBytes(StandardCharsets.UTF_8);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer = exchange.getRequestURI().getPath().endsWith("/_search")
                    ? answers.get(new String(body, StandardCharsets.UTF_8))
                    : info;
            int status = answer == null ? 404 : 200;
            if (answer == null) {
                answer = "{\"error\":{\"type\":\"no_canned_answer\"},\"status\":404}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        System.out.println("canned answers=" + answers.size() + " port=" + port);
    }

    /** Each request body of {@code lines} (PATH TAB JSON) with the answer Elasticsearch gives it now. */
    private static Map<String, byte[]> record(List<String> lines, URI search) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Map<String, byte[]> answers = new HashMap<>();
        for (String line : lines) {
            String body = line.substring(line.indexOf('\t') + 1);
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(search)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + body);
            }
            answers.put(body, response.body());
        }
        return answers;
    }
}
