package org.wenshi.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wenshi.ingest.index.DocumentBuilder.Dedup;

class ReprintLookupTest {
    private static final String REPRINT =
            FingerprintTest.REPORT.replace("报送社情民意信息三百余篇，被市政协采用四十篇。\n", "") + "\n来源：某网站 发布时间：2025-03-01";

    @Test
    void theFirstVersionIsCanonicalAndALaterOneJoinsItsGroup() {
        ReprintLookup lookup = new ReprintLookup(bands -> List.of());
        lookup.prepare(List.of());
        assertThat(lookup.decide("a", "hash-a", Fingerprint.of(FingerprintTest.REPORT)))
                .isEqualTo(Dedup.original());
        assertThat(lookup.decide("b", "hash-b", Fingerprint.of(REPRINT))).isEqualTo(Dedup.reprintOf("a", "hash-a"));
    }

    @Test
    void aVersionAlreadyIndexedIsTheCanonicalOneAndADocumentNeverMatchesItself() {
        List<Collection<String>> asked = new ArrayList<>();
        ReprintGroups.Version indexed =
                new ReprintGroups.Version("old", "group-old", Fingerprint.of(FingerprintTest.REPORT));
        ReprintLookup lookup = new ReprintLookup(bands -> {
            asked.add(bands);
            return List.of(indexed);
        });
        lookup.prepare(List.of(Fingerprint.of(REPRINT)));
        assertThat(asked.get(0)).containsAll(Fingerprint.of(REPRINT).bands());
        assertThat(lookup.decide("new", "hash-new", Fingerprint.of(REPRINT)))
                .isEqualTo(Dedup.reprintOf("old", "group-old"));
        assertThat(lookup.decide("old", "hash-old", Fingerprint.of(FingerprintTest.REPORT)))
                .isEqualTo(Dedup.original());
    }

    @Test
    void unrelatedTextsStayCanonical() {
        ReprintLookup lookup = new ReprintLookup(bands -> List.of());
        lookup.decide("a", "hash-a", Fingerprint.of(FingerprintTest.REPORT));
        String other = "另一篇文章\n委员们走进社区，倾听群众意见。\n大家围绕老旧小区改造提出建议。\n街道表示将认真研究落实。";
        assertThat(lookup.decide("c", "hash-c", Fingerprint.of(other))).isEqualTo(Dedup.original());
    }

    @Test
    void aBoundedGroupForgetsItsOldestVersions() {
        ReprintGroups groups = new ReprintGroups(1);
        Fingerprint report = Fingerprint.of(FingerprintTest.REPORT);
        groups.add(new ReprintGroups.Version("a", "hash-a", report));
        groups.add(new ReprintGroups.Version("b", "hash-b", Fingerprint.of("另一篇\n第一句话比较长。\n第二句话也比较长。\n第三句话同样很长。")));
        assertThat(groups.size()).isEqualTo(1);
        assertThat(groups.match("c", report)).isEmpty();
    }
}
