package org.wenshi.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wenshi.localnode.LocalNode;
import org.wenshi.localnode.NodeStatus;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.IndexNames;

/**
 * The packaged portal as the README runs it: {@code java -jar portal/target/wenshi-portal.jar} with no
 * {@code WENSHI_ES_URL}, so it starts the managed local node under its {@code WENSHI_HOME}. A second
 * portal on another port must reuse that node (one Elasticsearch per home, never two), and both must
 * answer {@code /api/search?q=政协} with hits and a city facet.
 */
class ManagedNodeReuseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STARTUP = Duration.ofSeconds(240);

    private static Path home;
    private static final List<Process> portals = new ArrayList<>();

    @BeforeAll
    static void home() throws IOException {
        Path base = Path.of(System.getProperty("wenshi.test.home", "target/test-home"))
                .getParent();
        Files.createDirectories(base);
        home = Files.createTempDirectory(base, "portal-home-");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Process p : portals) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        LocalNode.forHome(home).stop();
        assertThat(LocalNode.forHome(home).status().running()).isFalse();
        // The packaged portal also brought up the managed PostgreSQL of the home (the editors' part).
        org.wenshi.localdb.LocalPostgres.forHome(home).stop();
        assertThat(postgresOfHome()).as("no PostgreSQL left for " + home).isZero();
    }

    private static long postgresOfHome() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .orElse("")
                        .contains(home.resolve("postgres").toString()))
                .count();
    }

    @Test
    void secondPortalReusesTheNodeTheFirstStarted() throws Exception {
        Path jar = Path.of("target/wenshi-portal.jar").toAbsolutePath();
        assertThat(jar)
                .as("the packaged portal (mvn package builds it before the integration tests)")
                .exists();

        int firstPort = freePort();
        Process first = startPortal(jar, firstPort, "first");
        awaitElasticsearchUp(first, firstPort);
        NodeStatus afterFirst = LocalNode.forHome(home).status();
        assertThat(afterFirst.running())
                .as("the first portal started the managed node")
                .isTrue();

        indexOneDocument(afterFirst.node().url());

        int secondPort = freePort();
        Process second = startPortal(jar, secondPort, "second");
        awaitElasticsearchUp(second, secondPort);
        NodeStatus afterSecond = LocalNode.forHome(home).status();
        assertThat(afterSecond.node().pid())
                .as("the second portal reuses the same node")
                .isEqualTo(afterFirst.node().pid());
        long serversOfHome = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap.Elasticsearch"))
                .filter(p -> p.info().commandLine().orElse("").contains(home.toString()))
                .count();
        assertThat(serversOfHome)
                .as("one Elasticsearch process for this WENSHI_HOME")
                .isEqualTo(1);

        for (int port : new int[] {firstPort, secondPort}) {
            JsonNode health = JSON.readTree(get(port, "/actuator/health").body());
            for (int i = 0;
                    i < 600
                            && !health.path("components")
                                    .path("database")
                                    .path("status")
                                    .asText()
                                    .equals("UP");
                    i++) {
                Thread.sleep(200);
                health = JSON.readTree(get(port, "/actuator/health").body());
            }
            assertThat(health.path("components").path("database").path("status").asText())
                    .as("the managed PostgreSQL of the home serves portal %d: %s", port, health)
                    .isEqualTo("UP");
            JsonNode answer =
                    JSON.readTree(get(port, "/api/search?q=" + URLEncoder.encode("政协", StandardCharsets.UTF_8))
                            .body());
            assertThat(answer.path("total").asInt()).isPositive();
            assertThat(answer.path("facets").path("city")).isNotEmpty();
            assertThat(answer.path("facets").path("city").get(0).path("value").asText())
                    .isEqualTo("许昌市");
        }
    }

    private static Process startPortal(Path jar, int port, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.remove("WENSHI_ES_URL");
        env.remove("WENSHI_INDEX");
        env.put("WENSHI_HOME", home.toString());
        env.put("PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(home.resolve("portal-" + name + ".log").toFile());
        Process process = builder.start();
        portals.add(process);
        return process;
    }

    private static void awaitElasticsearchUp(Process portal, int port) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            assertThat(portal.isAlive())
                    .as("portal on port %d exited; its log: %s", port, log(port))
                    .isTrue();
            try {
                HttpResponse<String> health = get(port, "/actuator/health");
                last = health.body();
                JsonNode es = JSON.readTree(last).path("components").path("elasticsearch");
                if ("UP".equals(es.path("status").asText())) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("portal on port " + port + " did not report Elasticsearch UP within " + STARTUP
                + "; last health answer: " + last);
    }

    private static String log(int port) {
        try (var files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().startsWith("portal-"))
                    .map(f -> {
                        try {
                            return f + ":\n" + Files.readString(f);
                        } catch (IOException e) {
                            return f + ": " + e;
                        }
                    })
                    .reduce("", String::concat);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void indexOneDocument(URI esUrl) throws IOException {
        try (ElasticsearchConnection connection = ElasticsearchConnection.open(esUrl.toString())) {
            String alias = IndexNames.DEFAULT_ALIAS;
            connection.client().index(i -> i.index(alias)
                    .id("reuse-1")
                    .document(Map.of(
                            "id",
                            "reuse-1",
                            "title",
                            "许昌市政协召开文史资料征集工作会议",
                            "text",
                            "政协许昌市委员会文史资料委员会部署新一年征集工作。",
                            "province",
                            "河南省",
                            "city",
                            "许昌市",
                            "year",
                            2024))
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
