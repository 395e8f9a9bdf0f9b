package org.wenshi.portal.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.portal.PortalWithIndex;
import org.wenshi.portal.TestIndex;

/**
 * Key figures end to end: a committee's work report (written for this test in the shape of a real
 * one: the title, the session line with its date, a body that reports the past year) goes through
 * the packaged ingest command into the portal's index, and {@code /api/figures} plots its 提案立案 for
 * the year the report is about (the year before the session that hears it) at its city.
 */
class WorkReportFiguresIT extends PortalWithIndex {

    static final String REPORT = String.join(
            "\n",
            "政协郑州市委员会常务委员会工作报告",
            "——2024年1月9日在政协郑州市第十五届委员会第三次会议上",
            "",
            "各位委员：",
            "我受政协郑州市第十五届委员会常务委员会委托，向大会报告工作，请予审议。",
            "一、过去一年的主要工作",
            "2023年，市政协常委会紧扣全市中心任务，组织委员深入基层开展调研视察。",
            "一年来，委员和各参加单位共提交提案七百余件，经审查提案立案656件，办复率达到百分之百。",
            "围绕黄河流域生态保护、老旧小区改造等议题召开专题协商会，报送社情民意信息一千二百余篇。",
            "二、今年的工作安排",
            "新的一年，我们将继续加强委员队伍建设，提升履职质效。");

    @Test
    void theIngestedReportsFigureIsPlottedForItsYearAndCity() throws Exception {
        Path jar =
                Path.of("../ingest/target/wenshi-ingest.jar").toAbsolutePath().normalize();
        assertThat(jar)
                .as("the packaged ingest command (mvn verify packages the ingest module before the portal's"
                        + " integration tests; alone: mvn -pl ingest package -DskipTests)")
                .exists();
        Path dir = Files.createTempDirectory("wenshi-work-report-");
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("zhengzhou-2024-work-report.txt"), REPORT, StandardCharsets.UTF_8);

        ProcessBuilder ingest = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--es-url",
                        TestIndex.url(),
                        "--index",
                        index.alias(),
                        sources.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ingest.log").toFile());
        ingest.environment().put("WENSHI_HOME", dir.resolve("home").toString());
        Process p = ingest.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("ingest finished").isTrue();
        String log = Files.readString(dir.resolve("ingest.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("indexed");

        JsonNode figures = PortalTestClient.json(http.get(PortalTestClient.query("/api/figures", "metric", "提案立案"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        JsonNode series = figures.path("series");
        assertThat(series).as(figures.toString()).isNotEmpty();
        JsonNode zhengzhou = null;
        for (JsonNode s : series) {
            if (s.path("place").asText().equals("郑州市")) {
                zhengzhou = s;
            }
        }
        assertThat(zhengzhou).as("a series for 郑州市: " + figures).isNotNull();
        List<JsonNode> points = new java.util.ArrayList<>();
        zhengzhou.path("points").forEach(points::add);
        assertThat(points).hasSize(1);
        assertThat(points.get(0).path("year").asInt())
                .as("the year reported on, not the session's")
                .isEqualTo(2023);
        assertThat(points.get(0).path("value").asDouble()).isEqualTo(656.0);
        assertThat(points.get(0).toString()).contains("提案立案656件");
    }
}
