package org.wenshi.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static Set<String> mappedPaths() {
        Set<String> paths = new HashSet<>();
        collect(IndexDefinition.load().tree().path("mappings").path("properties"), "", paths);
        return paths;
    }

    private static void collect(JsonNode properties, String prefix, Set<String> into) {
        properties.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            into.add(path);
            e.getValue().path("fields").fieldNames().forEachRemaining(sub -> into.add(path + "." + sub));
            collect(e.getValue().path("properties"), path + ".", into);
        });
    }

    private static List<String> constants() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : Fields.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) f.get(null));
            }
        }
        return names;
    }

    @Test
    void everyFieldNameUsedByCodeExistsInTheMapping() throws Exception {
        List<String> constants = constants();
        assertThat(constants).hasSizeGreaterThan(40);
        assertThat(mappedPaths()).containsAll(constants);
    }

    @Test
    void mappingIsStrictAndVersioned() {
        JsonNode mappings = IndexDefinition.load().tree().path("mappings");
        assertThat(mappings.path("dynamic").asText()).isEqualTo("strict");
        assertThat(IndexDefinition.load().schemaVersion()).isPositive();
        assertThat(new IndexNames("wenshi-docs").versioned())
                .isEqualTo("wenshi-docs-v" + IndexDefinition.load().schemaVersion());
    }

    @Test
    void everyTextFieldUsesTheProjectAnalyzersAndIndexesOffsetsForFastHighlighting() {
        JsonNode props = IndexDefinition.load().tree().path("mappings").path("properties");
        for (JsonNode text : List.of(
                props.path("title"),
                props.path("text"),
                props.path("pages").path("properties").path("text"))) {
            assertThat(text.path("analyzer").asText()).isEqualTo("wenshi_words");
            assertThat(text.path("search_analyzer").asText()).isEqualTo("wenshi_words_search");
            assertThat(text.path("index_options").asText()).isEqualTo("offsets");
            assertThat(text.path("fields").path("bigrams").path("analyzer").asText())
                    .isEqualTo("wenshi_bigrams");
            assertThat(text.path("fields")
                            .path("bigrams")
                            .path("search_analyzer")
                            .asText())
                    .isEqualTo("wenshi_bigrams_search");
            assertThat(text.path("fields").path("bigrams").path("index_options").asText())
                    .isEqualTo("offsets");
        }
    }

    @Test
    void rejectsAliasThatIsNotAValidIndexName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IndexNames("Has Space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Has Space");
    }
}
