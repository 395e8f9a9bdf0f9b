package org.wenshi.portal.compilations.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wenshi.localdb.DatabaseEndpoint;
import org.wenshi.localdb.testing.TestDatabase;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.portal.PortalApplication;
import org.wenshi.portal.TestIndex;
import org.wenshi.portal.compilations.EditorHttp;
import org.wenshi.schema.Fields;

/**
 * Export of a 300-item compilation: the real portal (in this JVM, so that its heap can be read) on
 * the test node and the test PostgreSQL, 300 passages of about 1,500 characters each from 60
 * documents. Interleaved, side by side, it times {@code GET /api/compilations/{id}/export.docx} and,
 * as the plain baseline, {@code GET /api/compilations/{id}} (the same rows and archive checks as
 * JSON, without the DOCX writer), and prints medians, p95, the ratio, the DOCX size and the portal's
 * heap (peak of the heap pools during the exports, and after a GC).
 *
 * <pre>mvn -q -pl portal test-compile exec:java@export-benchmark</pre>
 */
public final class ExportBenchmark {
    static final int DOCUMENTS = 60;
    static final int ITEMS = 300;
    static final int ROUNDS = 15;

    public static void main(String[] args) throws Exception {
        try (TestIndex index = TestIndex.create("bench-export")) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int d = 0; d < DOCUMENTS; d++) {
                Map<String, Object> doc = new HashMap<>();
                doc.put(Fields.ID, "bench-export-" + d);
                doc.put(Fields.TITLE, "回忆录第" + d + "篇");
                doc.put(Fields.TEXT, text(d));
                doc.put(Fields.AUTHOR, List.of("作者" + d));
                doc.put(Fields.SERIES, "示例文史资料");
                doc.put(Fields.VOLUME, String.valueOf(1 + d % 9));
                doc.put(Fields.PUBLISHER, "示例出版社");
                doc.put(Fields.YEAR, 1980 + d % 30);
                doc.put(Fields.CONTENT_HASH, "h" + d);
                docs.add(doc);
            }
            index.index(docs);
            DatabaseEndpoint db = TestDatabase.create("bench_export");
            try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(PortalApplication.class)
                    .properties(Map.of(
                            "server.port", "0",
                            "wenshi.es-url", TestIndex.url(),
                            "wenshi.index", index.alias(),
                            "wenshi.db.url", db.jdbcUrl(),
                            "wenshi.db.user", db.user(),
                            "wenshi.db.password", db.password(),
                            "WENSHI_ADMIN_PASSWORD", "bench-admin-1",
                            "logging.level.root", "WARN"))
                    .run()) {
                int port = Integer.parseInt(portal.getEnvironment().getProperty("local.server.port"));
                EditorHttp admin = EditorHttp.basic(port, "admin", "bench-admin-1");
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (admin.get("/api/compilations").status() != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                long id = admin.post("/api/compilations", Map.of("title", "三百篇", "preface", "基准测试用。"))
                        .json()
                        .path("id")
                        .asLong();
                List<Long> chapters = new ArrayList<>();
                for (int c = 0; c < 10; c++) {
                    chapters.add(admin.post("/api/compilations/" + id + "/chapters", Map.of("title", "第" + c + "部分"))
                            .json()
                            .path("id")
                            .asLong());
                }
                for (int i = 0; i < ITEMS; i++) {
                    int start = (i % 5) * 1500;
                    EditorHttp.Response r = admin.post(
                            "/api/compilations/" + id + "/items",
                            Map.of(
                                    "chapter_id", chapters.get(i % 10),
                                    "doc_id", "bench-export-" + (i % DOCUMENTS),
                                    "start", start,
                                    "end", start + 1500,
                                    "note", "编者按" + i));
                    if (r.status() != 201) {
                        throw new IllegalStateException(r.body());
                    }
                }
                String export = "/api/compilations/" + id + "/export.docx";
                String json = "/api/compilations/" + id;
                for (int w = 0; w < 3; w++) { // warm-up
                    admin.send("GET", export, null, "*/*");
                    admin.get(json);
                }
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP)
                        .toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long[] docxMs = new long[ROUNDS];
                long[] jsonMs = new long[ROUNDS];
                int size = 0;
                for (int r = 0; r < ROUNDS; r++) {
                    long t0 = System.nanoTime();
                    EditorHttp.Response d = admin.send("GET", export, null, "*/*");
                    docxMs[r] = (System.nanoTime() - t0) / 1_000_000;
                    size = d.bytes().length;
                    long t1 = System.nanoTime();
                    admin.get(json);
                    jsonMs[r] = (System.nanoTime() - t1) / 1_000_000;
                }
                long peak =
                        heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.gc();
                long after =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                Arrays.sort(docxMs);
                Arrays.sort(jsonMs);
                System.out.printf(
                        "items %d, chapters 10, passage 1500 chars, rounds %d (interleaved)%n", ITEMS, ROUNDS);
                System.out.printf(
                        "export.docx  median %d ms  p95 %d ms  size %.1f KB%n",
                        docxMs[ROUNDS / 2], docxMs[(int) Math.ceil(ROUNDS * 0.95) - 1], size / 1024.0);
                System.out.printf(
                        "JSON (base)  median %d ms  p95 %d ms%n",
                        jsonMs[ROUNDS / 2], jsonMs[(int) Math.ceil(ROUNDS * 0.95) - 1]);
                System.out.printf(
                        "ratio export/JSON (median) %.2f%n",
                        docxMs[ROUNDS / 2] / (double) Math.max(1, jsonMs[ROUNDS / 2]));
                System.out.printf(
                        "heap: peak of the heap pools during the rounds %.0f MB, after GC %.0f MB (max %d MB)%n",
                        peak / 1048576.0,
                        after / 1048576.0,
                        Runtime.getRuntime().maxMemory() / 1048576);
            }
        } finally {
            TestDatabase.release();
            TestNode.release();
        }
    }

    /** About 7,600 characters of invented memoir text, different per document. */
    static String text(int d) {
        String[] words = {"政协", "委员", "文史资料", "会议", "县城", "学校", "祠堂", "商会", "码头", "抗战", "解放", "合作社", "回忆", "整理", "征集"};
        StringBuilder s = new StringBuilder();
        int i = d;
        while (s.length() < 7600) {
            s.append(words[i % words.length]).append(words[(i * 7 + 3) % words.length]);
            s.append(i % 11 == 0 ? "。\n" : i % 3 == 0 ? "，" : "");
            i++;
        }
        return s.substring(0, 7600);
    }
}
