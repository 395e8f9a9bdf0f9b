package org.wenshi.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.ingest.enrich.DocumentEnricher;
import org.wenshi.ingest.enrich.Enrichment;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.enrich.ThemeTaxonomy;
import org.wenshi.ingest.extract.ChineseScript;
import org.wenshi.ingest.extract.Extraction;
import org.wenshi.ingest.extract.Extractors;
import org.wenshi.ingest.extract.Metadata;
import org.wenshi.ingest.source.Source;

class SampleGeneratorTest {
    private static final int SIZE = 150;

    @Test
    void coversCitiesProvincesYearsThemesAndFormatsAsTheEnrichersSeeThem(@TempDir Path dir) throws Exception {
        SampleGenerator generator = new SampleGenerator(Gazetteer.bundled(), SampleGenerator.SEED);
        List<SampleDocument> made = new ArrayList<>();
        generator.generate(dir, SIZE, made::add);

        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(SIZE);

        Extractors extractors = new Extractors();
        DocumentEnricher enricher = new DocumentEnricher(Gazetteer.bundled(), ThemeTaxonomy.bundled());
        Set<String> cities = new TreeSet<>();
        Set<String> provinces = new TreeSet<>();
        Set<String> counties = new TreeSet<>();
        Set<String> themes = new HashSet<>();
        Set<String> types = new TreeSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        int html = 0;
        int traditional = 0;
        int gbkDeclared = 0;
        int undeclared = 0;
        int withCommittee = 0;
        List<String> wrongCity = new ArrayList<>();
        int scans = 0;
        for (SampleDocument d : made) {
            if (d.scanned()) {
                scans++; // read by OCR: SampleScansTest
                continue;
            }
            Source source = Source.ofFile(dir.resolve(d.relativePath()));
            Extraction e =
                    extractors.forFormat(source.format().orElseThrow()).extract(Files.readAllBytes(source.path()));
            Enrichment en = enricher.enrich(e);
            String simplified = ChineseScript.toSimplified(e.text());
            assertThat(simplified).as(d.relativePath()).contains("本文为 Wenshi 示例数据，内容虚构");
            assertThat(e.title()).as(d.relativePath()).isEqualTo(d.title());
            if (simplified.contains("政协")) {
                withCommittee++;
            }
            if (en.place().city() != null) {
                cities.add(en.place().city().name());
                provinces.add(en.place().province().name());
                if (!en.place().city().name().equals(d.plan().city().name())) {
                    wrongCity.add(d.relativePath() + " → " + en.place().city().name());
                }
            }
            if (en.place().county() != null) {
                counties.add(en.place().county().name());
            }
            if (en.dating().year() != null) {
                years.add(en.dating().year());
            }
            themes.addAll(en.themes());
            types.add(en.type());
            html += d.plan().html() ? 1 : 0;
            traditional += ChineseScript.TRADITIONAL.equals(en.script()) ? 1 : 0;
            if (d.plan().html() && d.plan().encoding().equals("GBK")) {
                if (d.plan().declareCharset()) {
                    gbkDeclared++;
                    assertThat(e.get(Metadata.DECLARED_CHARSET)).isPresent();
                } else {
                    undeclared++;
                }
            }
        }
        assertThat(wrongCity)
                .as("documents placed in another city than their committee's")
                .isEmpty();
        assertThat(cities).hasSizeGreaterThanOrEqualTo(20);
        assertThat(provinces).hasSizeGreaterThanOrEqualTo(3);
        assertThat(counties).hasSizeGreaterThanOrEqualTo(10);
        assertThat(years.first()).isLessThanOrEqualTo(1960);
        assertThat(years.last()).isGreaterThanOrEqualTo(2020);
        assertThat(years).hasSizeGreaterThanOrEqualTo(40);
        assertThat(themes).containsAll(ThemeTaxonomy.bundled().themes());
        assertThat(types).contains("工作报告", "提案", "社情民意", "新闻报道", "回忆录", "文史资料");
        assertThat(html).isBetween(40, 110);
        assertThat(traditional).isGreaterThanOrEqualTo(5);
        assertThat(gbkDeclared).isPositive();
        assertThat(undeclared).isPositive();
        assertThat(scans).isEqualTo(5);
        assertThat(withCommittee).isEqualTo(SIZE - scans);
        assertThat(made)
                .extracting(d -> d.relativePath().replaceFirst("^.*?\\.", ""))
                .contains(
                        "txt",
                        "html",
                        "pdf",
                        "docx",
                        "ofd",
                        "epub",
                        "scan.tif",
                        "scan.pdf",
                        "scan.ofd",
                        "scan.png",
                        "scan.jpg");
    }

    @Test
    void isDeterministicAndPrefixStable() {
        SampleGenerator a = new SampleGenerator(Gazetteer.bundled(), SampleGenerator.SEED);
        SampleGenerator b = new SampleGenerator(Gazetteer.bundled(), SampleGenerator.SEED);
        for (int i : new int[] {0, 17, 149, 5000}) {
            assertThat(a.document(i).bytes()).isEqualTo(b.document(i).bytes());
            assertThat(a.document(i).relativePath()).isEqualTo(b.document(i).relativePath());
        }
        assertThat(new SampleGenerator(Gazetteer.bundled(), 1).document(3).bytes())
                .isNotEqualTo(a.document(3).bytes());
    }

    @Test
    void archiveIsLabelledMadeOnceAndReused(@TempDir Path home) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Path docs = SampleArchive.ensure(home.resolve("sample"), 20, print);
        assertThat(Files.readString(home.resolve("sample/README.txt"))).contains("示例数据", "内容虚构", "documents: 20");
        try (Stream<Path> s = Files.walk(docs)) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(20);
        }
        Path again = SampleArchive.ensure(home.resolve("sample"), 20, print);
        assertThat(again).isEqualTo(docs);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("making 20 documents")
                .contains("reusing");
        SampleArchive.ensure(home.resolve("sample"), 25, print);
        try (Stream<Path> s = Files.walk(docs)) {
            assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(25);
        }
    }
}
