package org.wenshi.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class TraditionalSimplifiedTableTest {

    @Test
    void committedTableStillMatchesIcu() throws IOException {
        String committed;
        try (InputStream in =
                TraditionalSimplifiedTable.class.getResourceAsStream(TraditionalSimplifiedTable.RESOURCE)) {
            committed = new String(in.readAllBytes(), UTF_8);
        }
        assertThat(committed)
                .as("regenerate with: mvn -q -f deploy/analysis-plugin/pom.xml test-compile exec:java")
                .isEqualTo(TraditionalSimplifiedTableGenerator.render());
    }

    @Test
    void mapsTheCharactersOfCppccNames() {
        TraditionalSimplifiedTable table = TraditionalSimplifiedTable.instance();
        assertThat(table.size()).isGreaterThan(2500);
        assertThat(new String(Character.toChars(table.simplify('協')))).isEqualTo("协");
        assertThat(new String(Character.toChars(table.simplify('鄭')))).isEqualTo("郑");
        assertThat(new String(Character.toChars(table.simplify('協')))).isEqualTo("协");
        assertThat(table.simplify('政')).isEqualTo('政');
        assertThat(table.simplify(0x20000)).isEqualTo(0x20000);
    }

    @Test
    void neverFoldsTheExcludedStandardCharacters() {
        TraditionalSimplifiedTable table = TraditionalSimplifiedTable.instance();
        TraditionalSimplifiedTableGenerator.NOT_FOLDED.codePoints().forEach(cp -> assertThat(table.simplify(cp))
                .isEqualTo(cp));
    }
}
