package org.wenshi.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.junit.jupiter.api.Test;

/**
 * The names the index definition uses, the shape Elasticsearch needs to instantiate each component, and the
 * committed {@code named_components.json} that lets the installer skip its class scan.
 */
class NamedComponentsTest {

    private static final List<Class<?>> EXTENSIBLES =
            List.of(CharFilterFactory.class, TokenizerFactory.class, TokenFilterFactory.class);

    /** Every main class of the plugin's package carrying {@code @NamedComponent} (what the installer would find). */
    private static List<Class<?>> namedComponents() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(FoldCharFilterFactory.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve(FoldCharFilterFactory.class.getPackageName().replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(FoldCharFilterFactory.class.getPackageName() + "." + simpleName);
                if (type.isAnnotationPresent(NamedComponent.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    @Test
    void eachComponentCarriesTheNameTheIndexDefinitionUses() throws Exception {
        Map<String, String> names = new TreeMap<>();
        for (Class<?> type : namedComponents()) {
            names.put(type.getAnnotation(NamedComponent.class).value(), type.getSimpleName());
        }
        assertThat(names)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "wenshi_fold", "FoldCharFilterFactory",
                        "wenshi_smartcn", "SmartcnTokenizerFactory",
                        "wenshi_keyword", "KeywordTokenizerFactory",
                        "wenshi_drop_punct", "DropPunctuationFilterFactory",
                        "wenshi_cjk_bigram", "CjkBigramFilterFactory",
                        "wenshi_synonyms", "SynonymFilterFactory"));
    }

    @Test
    void eachComponentHasTheOnePublicConstructorElasticsearchCanCall() throws Exception {
        for (Class<?> type : namedComponents()) {
            assertThat(Modifier.isPublic(type.getModifiers()))
                    .as(type.getName())
                    .isTrue();
            assertThat(EXTENSIBLES.stream().filter(e -> e.isAssignableFrom(type)))
                    .as(type.getName())
                    .hasSize(1);
            Constructor<?>[] constructors = type.getConstructors();
            assertThat(constructors).as(type.getName()).hasSize(1);
            Constructor<?> constructor = constructors[0];
            if (constructor.getParameterCount() > 0) {
                assertThat(constructor.isAnnotationPresent(Inject.class))
                        .as(type.getName())
                        .isTrue();
                for (Class<?> parameter : constructor.getParameterTypes()) {
                    assertThat(parameter.isInterface() && parameter.isAnnotationPresent(AnalysisSettings.class))
                            .as(type.getName() + " parameter " + parameter.getName())
                            .isTrue();
                }
            }
        }
    }

    @Test
    void committedComponentIndexListsExactlyTheAnnotatedClasses() throws Exception {
        List<Class<?>> components = namedComponents();
        StringBuilder expected = new StringBuilder("{\n");
        for (int e = 0; e < EXTENSIBLES.size(); e++) {
            Class<?> extensible = EXTENSIBLES.get(e);
            Map<String, String> byName = new TreeMap<>();
            components.stream()
                    .filter(extensible::isAssignableFrom)
                    .forEach(c ->
                            byName.put(c.getAnnotation(NamedComponent.class).value(), c.getName()));
            expected.append("  \"").append(extensible.getName()).append("\": {\n");
            int i = 0;
            for (Map.Entry<String, String> entry : byName.entrySet()) {
                expected.append("    \"")
                        .append(entry.getKey())
                        .append("\": \"")
                        .append(entry.getValue())
                        .append('"')
                        .append(++i < byName.size() ? ",\n" : "\n");
            }
            expected.append("  }").append(e + 1 < EXTENSIBLES.size() ? ",\n" : "\n");
        }
        expected.append("}\n");
        String committed = Files.readString(Path.of("src/main/plugin/named_components.json"), UTF_8);
        assertThat(committed).as("src/main/plugin/named_components.json").isEqualTo(expected.toString());
    }
}
