package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.source.Source;
import org.wenshi.schema.Fields;

/**
 * Crawls a small site served by a loopback HTTP server in the test through the real command against
 * the test node: robots.txt exclusions, a GBK page without a declared charset, a redirect, a 404, a
 * page slower than the timeout, an endless chain of links (a loop only the page limit ends), a link
 * to another host and an image; then re-crawls one page conditionally and gets a 304.
 */
class CrawlIngestIT {
    @TempDir
    Path tmp;

    @RegisterExtension
    final ItIndex index = new ItIndex("it-crawl");

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<String> conditional = new CopyOnWriteArrayList<>();

    private static final String ARTICLE_ETAG = "\"a-v1\"";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
    }

    private static String article(String title, String body, String links) {
        return "<html><head><meta charset=\"utf-8\"><title>" + title + "_政协要闻_测试政协网</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"article\"><h1>" + title + "</h1>"
                + "<div class=\"info\">发布时间：2024-06-01 来源：测试政协网</div><p>" + body + "</p></div>"
                + "<div class=\"related\">" + links + "</div><div class=\"footer\">版权所有 测试政协网</div></body></html>";
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getQuery();
        requests.add(path + (query == null ? "" : "?" + query));
        userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        try (ex) {
            switch (path) {
                case "/robots.txt" -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes());
                case "/" ->
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            article(
                                            "测试政协网首页要闻",
                                            "本站刊发市政协的工作动态、委员履职和文史资料，欢迎委员和群众阅读。",
                                            "<a href=\"/a.html\">协商</a> <a href=\"/gbk.html\">文史</a> <a href=\"/old.html\">旧址</a>"
                                                    + " <a href=\"/missing.html\">失效</a> <a href=\"/slow.html\">慢页</a>"
                                                    + " <a href=\"/private/secret.html\">内部</a> <a href=\"/loop.html?n=1\">循环</a>"
                                                    + " <a href=\"http://other.invalid/x.html\">外站</a> <a href=\"/logo.png\">图标</a>"
                                                    + " <a href=\"/a.html#top\">协商（锚点）</a>")
                                    .getBytes(StandardCharsets.UTF_8));
                case "/a.html" -> {
                    String inm = ex.getRequestHeaders().getFirst("If-None-Match");
                    if (inm != null) {
                        conditional.add(inm);
                    }
                    ex.getResponseHeaders().add("ETag", ARTICLE_ETAG);
                    ex.getResponseHeaders().add("Last-Modified", "Sat, 01 Jun 2024 08:00:00 GMT");
                    if (ARTICLE_ETAG.equals(inm)) {
                        ex.sendResponseHeaders(304, -1);
                        return;
                    }
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            article("市政协开展社区养老专题协商", "6月1日，市政协围绕社区养老服务开展专题协商，委员们提出意见建议二十余条。", "<a href=\"/\">首页</a>")
                                    .getBytes(StandardCharsets.UTF_8));
                }
                case "/gbk.html" ->
                    send(
                            ex,
                            200,
                            "text/html",
                            ("<html><head><title>老城隍庙的变迁</title></head><body><div class=\"content\"><h2>老城隍庙的变迁</h2>"
                                            + "<p>老城隍庙建于明代，民国时期曾改作县立小学，一九五零年后成为文化馆。</p>"
                                            + "<p>近年修缮后，庙内辟有地方文史陈列室。</p></div></body></html>")
                                    .getBytes(Charset.forName("GBK")));
                case "/old.html" -> {
                    ex.getResponseHeaders().add("Location", "/moved.html");
                    ex.sendResponseHeaders(301, -1);
                }
                case "/moved.html" ->
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            article("委员工作室搬迁新址", "委员工作室已迁至新址，接待时间不变，欢迎群众来访反映意见建议。", "")
                                    .getBytes(StandardCharsets.UTF_8));
                case "/slow.html" -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            article("慢页", "迟到的内容。", "").getBytes(StandardCharsets.UTF_8));
                }
                case "/loop.html" -> {
                    int n = Integer.parseInt(query.replace("n=", ""));
                    send(
                            ex,
                            200,
                            "text/html; charset=utf-8",
                            article(
                                            "循环链接第" + n + "页",
                                            "这是循环链接测试页面的第" + n + "页，每一页都链接到下一页和自己。",
                                            "<a href=\"/loop.html?n=" + (n + 1) + "\">下一页</a> <a href=\"/loop.html?n="
                                                    + n + "\">本页</a>")
                                    .getBytes(StandardCharsets.UTF_8));
                }
                default -> send(ex, 404, "text/html", "<html>not found</html>".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private ObjectNode document(String url) throws IOException {
        return index.client()
                .get(g -> g.index(index.names().alias()).id(Source.idForUrl(url)), ObjectNode.class)
                .source();
    }

    @Test
    void crawlsTheSitePolitelyAndReportsEveryPage() throws Exception {
        Path home = tmp.resolve("home");
        CommandRun run = CommandRun.ingest(
                home,
                index.names().alias(),
                "--crawl-delay",
                "0.05",
                "--crawl-timeout",
                "1",
                "--crawl-depth",
                "50",
                "--crawl-max-pages",
                "15",
                base + "/");

        Map<String, JsonNode> report = run.reportBySource();
        // 15 URLs considered: the redirecting /old.html is reported as the page it leads to, /moved.html.
        assertThat(report)
                .as("one entry per page; the page limit ends the loop")
                .hasSize(14);
        assertThat(report.get(base + "/").path("outcome").asText()).isEqualTo("indexed");
        assertThat(report.get(base + "/a.html").path("outcome").asText()).isEqualTo("indexed");
        assertThat(report.get(base + "/gbk.html").path("outcome").asText()).isEqualTo("indexed");
        assertThat(report.get(base + "/moved.html").path("outcome").asText()).isEqualTo("indexed");
        assertThat(report).doesNotContainKey(base + "/old.html");
        assertThat(report.get(base + "/missing.html").path("outcome").asText()).isEqualTo("skipped");
        assertThat(report.get(base + "/missing.html").path("reason").asText()).isEqualTo("HTTP 404 Not Found");
        assertThat(report.get(base + "/slow.html").path("outcome").asText()).isEqualTo("failed");
        assertThat(report.get(base + "/slow.html").path("reason").asText()).contains("timed out after 1 s");
        assertThat(report.get(base + "/private/secret.html").path("outcome").asText())
                .isEqualTo("skipped");
        assertThat(report.get(base + "/private/secret.html").path("reason").asText())
                .isEqualTo("disallowed by robots.txt");
        assertThat(report.keySet()).noneMatch(u -> u.contains("other.invalid") || u.endsWith(".png"));
        assertThat(report.keySet().stream().filter(u -> u.contains("/loop.html")))
                .hasSizeGreaterThan(3)
                .doesNotHaveDuplicates();
        assertThat(run.lastLine()).isEqualTo("ingested=11 unchanged=0 duplicates=0 skipped=2 failed=1");

        assertThat(requests).doesNotContain("/private/secret.html", "/logo.png");
        assertThat(requests.stream().filter(r -> r.equals("/robots.txt"))).hasSize(1);
        assertThat(requests.stream().filter(r -> r.equals("/a.html"))).hasSize(1);
        assertThat(userAgents).allMatch(ua -> ua.startsWith("WenshiBot/"));

        ObjectNode gbk = document(base + "/gbk.html");
        assertThat(gbk.get(Fields.TITLE).asText()).isEqualTo("老城隍庙的变迁");
        assertThat(gbk.get(Fields.TEXT).asText()).contains("县立小学");
        assertThat(gbk.get(Fields.SOURCE_KIND).asText()).isEqualTo("web");
        ObjectNode a = document(base + "/a.html");
        assertThat(a.get(Fields.TITLE).asText()).isEqualTo("市政协开展社区养老专题协商");
        assertThat(a.get(Fields.TEXT).asText()).doesNotContain("首页", "版权所有");
        assertThat(a.get(Fields.HTTP_ETAG).asText()).isEqualTo(ARTICLE_ETAG);
        assertThat(a.get(Fields.HTTP_LAST_MODIFIED).asText()).isEqualTo("Sat, 01 Jun 2024 08:00:00 GMT");
        assertThat(conditional).isEmpty();

        // The article again, as a leaf (depth 0): fetched conditionally, the server answers 304.
        CommandRun again = CommandRun.ingest(
                home, index.names().alias(), "--crawl-delay", "0.05", "--crawl-depth", "0", base + "/a.html");
        assertThat(again.lastLine()).isEqualTo("ingested=0 unchanged=1 duplicates=0 skipped=0 failed=0");
        assertThat(conditional).containsExactly(ARTICLE_ETAG);
        JsonNode entry = again.reportBySource().get(base + "/a.html");
        assertThat(entry.path("outcome").asText()).isEqualTo("unchanged");
        assertThat(entry.path("reason").asText()).contains("304");
        assertThat(document(base + "/a.html").get(Fields.INGESTED_AT)).isEqualTo(a.get(Fields.INGESTED_AT));
    }
}
