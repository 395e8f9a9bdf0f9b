package org.wenshi.portal.trends.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wenshi.localdb.testing.TestDatabase;
import org.wenshi.localnode.testing.TestNode;
import org.wenshi.portal.BenchPortal;
import org.wenshi.portal.TestIndex;
import org.wenshi.portal.search.SearchQueryBuilder;
import org.wenshi.portal.trends.TrendCriteria;
import org.wenshi.portal.trends.TrendQueryBuilder;
import org.wenshi.schema.Fields;

/**
 * {@code /api/trends} on a 100,000-document archive: 1, 3 and 6 terms per year, each asked through
 * the portal ({@code GET /api/trends}) and, as the plain baseline, the very request the portal builds
 * sent straight to Elasticsearch with the blocking client, and the same body over HTTP from this
 * client, interleaved, 40 rounds each after a warm-up. Twice: repeated identical requests (which
 * Elasticsearch answers from its shard request cache) and distinct ones (each with a year range no
 * other request of the run has, so each is new to Elasticsearch, as an analyst's new question is).
 * Prints p50 and p95 of each and the ratios. The archive is invented: 100,000 short
 * documents (about 260 characters) over 76 years, 30 cities in 6 provinces, in which the terms occur
 * with different frequencies.
 *
 * <pre>mvn -q -pl portal test-compile exec:java@trends-benchmark</pre>
 */
public final class TrendsBenchmark {
    static final int DOCUMENTS = Integer.getInteger("docs", 100_000);
    static final int ROUNDS = Integer.getInteger("rounds", 40);
    static final int WARMUP = Integer.getInteger("warmup", 10);
    static final String[] TERMS = {"政协", "文史资料", "乡村振兴", "提案", "抗日战争", "黄河"};
    static final String[] WORDS = {"委员", "会议", "调研", "协商", "县城", "学校", "合作社", "码头", "回忆", "征集", "整理", "民主监督"};
    static final String[][] PLACES = {
        {"河南省", "郑州市"}, {"河南省", "洛阳市"}, {"河南省", "开封市"}, {"河南省", "南阳市"}, {"河南省", "许昌市"},
        {"四川省", "成都市"}, {"四川省", "巴中市"}, {"四川省", "绵阳市"}, {"四川省", "乐山市"}, {"四川省", "南充市"},
        {"江苏省", "南京市"}, {"江苏省", "苏州市"}, {"江苏省", "扬州市"}, {"江苏省", "徐州市"}, {"江苏省", "无锡市"},
        {"广东省", "广州市"}, {"广东省", "汕头市"}, {"广东省", "佛山市"}, {"广东省", "江门市"}, {"广东省", "梅州市"},
        {"山东省", "济南市"}, {"山东省", "青岛市"}, {"山东省", "烟台市"}, {"山东省", "潍坊市"}, {"山东省", "临沂市"},
        {"浙江省", "杭州市"}, {"浙江省", "宁波市"}, {"浙江省", "温州市"}, {"浙江省", "绍兴市"}, {"浙江省", "湖州市"}
    };

    public static void main(String[] args) throws Exception {
        try (TestIndex index = TestIndex.create("bench-trends")) {
            long t0 = System.nanoTime();
            fill(index.client(), index.alias());
            System.out.printf("indexed %d documents in %d s%n", DOCUMENTS, (System.nanoTime() - t0) / 1_000_000_000);
            try (ConfigurableApplicationContext portal = BenchPortal.start(index)) {
                int port = BenchPortal.port(portal);
                HttpClient http = HttpClient.newHttpClient();
                TrendQueryBuilder builder = new TrendQueryBuilder(new SearchQueryBuilder());
                io.micrometer.core.instrument.MeterRegistry registry =
                        portal.getBean(io.micrometer.core.instrument.MeterRegistry.class);
                for (boolean distinct : new boolean[] {false, true}) {
                    System.out.println(
                            distinct
                                    ? "\nDistinct requests: each one new to Elasticsearch (its own year range), as analysts' new questions are"
                                    : "\nRepeated requests: the same one each round, answered from Elasticsearch's shard request cache");
                    System.out.println(
                            "terms  portal p50/p95 ms   direct ES p50/p95 ms   ratio p50   ES over HTTP p50/p95 ms   ratio p50");
                    for (int n : new int[] {1, 3, 6}) {
                        List<String> terms = Arrays.asList(TERMS).subList(0, n);
                        Case same = Case.of(builder, terms, null, null, port, index);
                        for (int w = 0; w < WARMUP; w++) {
                            same.portal(http);
                            same.direct(index.client());
                            same.overHttp(http);
                        }
                        // Year ranges no other request of the run asks for: 1950-1974 to 2001-2025, shuffled.
                        List<int[]> ranges = new ArrayList<>();
                        for (int from = 1950; from < 1975; from++) {
                            for (int to = 2001; to <= 2025; to++) {
                                ranges.add(new int[] {from, to});
                            }
                        }
                        java.util.Collections.shuffle(ranges, new Random(n));
                        Case[][] cases = new Case[ROUNDS][3];
                        for (int r = 0; r < ROUNDS; r++) {
                            for (int k = 0; k < 3; k++) {
                                int[] y = ranges.get((r * 3 + k) % ranges.size());
                                cases[r][k] = distinct ? Case.of(builder, terms, y[0], y[1], port, index) : same;
                            }
                        }
                        double[] before = inside(registry);
                        long[] viaPortal = new long[ROUNDS];
                        long[] direct = new long[ROUNDS];
                        long[] overHttp = new long[ROUNDS];
                        for (int r = 0; r < ROUNDS; r++) {
                            long a = System.nanoTime();
                            cases[r][0].portal(http);
                            viaPortal[r] = System.nanoTime() - a;
                            long b = System.nanoTime();
                            cases[r][1].direct(index.client());
                            direct[r] = System.nanoTime() - b;
                            long c = System.nanoTime();
                            cases[r][2].overHttp(http);
                            overHttp[r] = System.nanoTime() - c;
                        }
                        double[] after = inside(registry);
                        Arrays.sort(viaPortal);
                        Arrays.sort(direct);
                        Arrays.sort(overHttp);
                        System.out.printf(
                                "%5d  %6.1f / %6.1f       %6.1f / %6.1f          %.2f        %6.1f / %6.1f          %.2f%n",
                                n,
                                ms(viaPortal, 0.5),
                                ms(viaPortal, 0.95),
                                ms(direct, 0.5),
                                ms(direct, 0.95),
                                ms(viaPortal, 0.5) / ms(direct, 0.5),
                                ms(overHttp, 0.5),
                                ms(overHttp, 0.95),
                                ms(viaPortal, 0.5) / ms(overHttp, 0.5));
                        // Where the portal's time goes: means of the three, and from the portal's own timers the
                        // whole request as the server saw it and the Elasticsearch call within it (query
                        // serialized, sent, answer read).
                        System.out.printf(
                                "       means: portal %.1f ms (inside it: request %.1f ms, of which the Elasticsearch call %.1f ms),"
                                        + " direct %.1f ms, over HTTP %.1f ms%n",
                                mean(viaPortal),
                                (after[0] - before[0]) / ROUNDS,
                                (after[1] - before[1]) / ROUNDS,
                                mean(direct),
                                mean(overHttp));
                    }
                }
            }
        } finally {
            TestDatabase.release();
            TestNode.release();
        }
    }

    /** Total milliseconds so far of the portal's {@code /api/trends} requests and of its trends calls to Elasticsearch. */
    static double[] inside(io.micrometer.core.instrument.MeterRegistry registry) {
        double requests = registry.find("http.server.requests").tag("uri", "/api/trends").timers().stream()
                .mapToDouble(t -> t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .sum();
        double calls = registry
                .find(org.wenshi.portal.system.PortalMetrics.ELASTICSEARCH_TIMER)
                .tag("operation", "trends")
                .timers()
                .stream()
                .mapToDouble(t -> t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .sum();
        return new double[] {requests, calls};
    }

    /**
     * One trends question three ways: through the portal, the request the portal builds sent with the
     * blocking client, and the same body over HTTP from this client (as the portal's own request
     * travels).
     */
    record Case(HttpRequest portalGet, SearchRequest request, HttpRequest esHttp) {
        static Case of(
                TrendQueryBuilder builder, List<String> terms, Integer from, Integer to, int port, TestIndex index)
                throws Exception {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            terms.forEach(t -> params.add("term", t));
            StringBuilder uri = new StringBuilder("http://localhost:" + port + "/api/trends?");
            for (String t : terms) {
                uri.append("term=")
                        .append(URLEncoder.encode(t, StandardCharsets.UTF_8))
                        .append('&');
            }
            if (from != null) {
                params.add("year_from", from.toString());
                params.add("year_to", to.toString());
                uri.append("year_from=").append(from).append("&year_to=").append(to);
            }
            SearchRequest request = builder.build(TrendCriteria.from(params), index.alias());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            co.elastic.clients.json.JsonpMapper mapper = index.client()._jsonpMapper();
            try (jakarta.json.stream.JsonGenerator g = mapper.jsonProvider().createGenerator(body)) {
                request.serialize(g, mapper);
            }
            HttpRequest esHttp = HttpRequest.newBuilder(URI.create(TestIndex.url() + "/" + index.alias() + "/_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            return new Case(HttpRequest.newBuilder(URI.create(uri.toString())).build(), request, esHttp);
        }

        void portal(HttpClient http) throws Exception {
            portalOnce(http, portalGet);
        }

        void direct(ElasticsearchClient client) throws Exception {
            client.search(request, Void.class);
        }

        void overHttp(HttpClient http) throws Exception {
            portalOnce(http, esHttp);
        }
    }

    static void portalOnce(HttpClient http, HttpRequest get) throws Exception {
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + ": " + r.body());
        }
    }

    static double mean(long[] times) {
        return Arrays.stream(times).average().orElse(0) / 1e6;
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    static void fill(ElasticsearchClient client, String alias) throws Exception {
        Random random = new Random(20261207);
        int batch = 2000;
        for (int from = 0; from < DOCUMENTS; from += batch) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (int i = from; i < Math.min(DOCUMENTS, from + batch); i++) {
                String[] place = PLACES[random.nextInt(PLACES.length)];
                int year = 1950 + random.nextInt(76);
                StringBuilder text = new StringBuilder();
                while (text.length() < 260) {
                    text.append(WORDS[random.nextInt(WORDS.length)]);
                    // term k appears in about 1 in (2 + 3k) stretches, more often in later years for 乡村振兴
                    for (int k = 0; k < TERMS.length; k++) {
                        if (random.nextInt(2 + 3 * k + (k == 2 && year < 2017 ? 40 : 0)) == 0) {
                            text.append(TERMS[k]);
                        }
                    }
                    text.append(random.nextInt(6) == 0 ? "。" : "，");
                }
                Map<String, Object> doc = new HashMap<>();
                doc.put(Fields.ID, "bench-trends-" + i);
                doc.put(Fields.TITLE, place[1] + year + "年文史资料第" + i + "篇");
                doc.put(Fields.TEXT, text.toString());
                doc.put(Fields.YEAR, year);
                doc.put(Fields.DATE, Integer.toString(year));
                doc.put(Fields.PROVINCE, place[0]);
                doc.put(Fields.CITY, place[1]);
                doc.put(Fields.TYPE, "文史资料");
                docs.add(doc);
            }
            BulkResponse response = client.bulk(b -> {
                for (Map<String, Object> doc : docs) {
                    b.operations(op -> op.index(
                            x -> x.index(alias).id((String) doc.get(Fields.ID)).document(doc)));
                }
                return b;
            });
            if (response.errors()) {
                throw new IllegalStateException("bulk errors, first: "
                        + response.items().stream()
                                .filter(x -> x.error() != null)
                                .findFirst()
                                .map(x -> x.error().reason())
                                .orElse("?"));
            }
        }
        client.indices().refresh(r -> r.index(alias));
        client.indices().forcemerge(f -> f.index(alias).maxNumSegments(1L));
    }
}
