package org.wenshi.ingest.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.ingest.extract.ChineseScript;

/**
 * The themes and their indicative keywords, read from a small TSV file ({@code themes.tsv} on the
 * class path, or the file named by {@code WENSHI_THEMES}) so editors can change the taxonomy without
 * a rebuild. It never holds keywords in code.
 */
public final class ThemeTaxonomy {
    /** The environment variable naming a taxonomy file that replaces the bundled one. */
    public static final String ENV = "WENSHI_THEMES";

    static final String RESOURCE = "org/wenshi/ingest/enrich/themes.tsv";

    /** One keyword of a theme with its weight. */
    public record Keyword(String text, int weight) {}

    private final Map<String, List<Keyword>> themes;

    private ThemeTaxonomy(Map<String, List<Keyword>> themes) {
        this.themes = themes;
    }

    /** The taxonomy named by {@code WENSHI_THEMES} in {@code env}, else the bundled one. */
    public static ThemeTaxonomy load(Map<String, String> env) {
        String path = env.get(ENV);
        if (path != null && !path.isBlank()) {
            try {
                return parse(Files.readString(Path.of(path.trim()), StandardCharsets.UTF_8), path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the theme taxonomy " + ENV + "=" + path, e);
            }
        }
        return bundled();
    }

    /** The taxonomy bundled with this build. */
    public static ThemeTaxonomy bundled() {
        try (InputStream in = ThemeTaxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Parses the TSV format: {@code theme<TAB>kw1,kw2*2,...}; '#' starts a comment line. */
    public static ThemeTaxonomy parse(String tsv, String origin) {
        Map<String, List<Keyword>> themes = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : tsv.split("\r?\n")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException(
                        origin + ":" + lineNo + ": expected 'theme<TAB>keywords', got: " + l);
            }
            String theme = line.substring(0, tab).strip();
            List<Keyword> keywords = new ArrayList<>();
            for (String k : line.substring(tab + 1).split("[,，]")) {
                String kw = k.strip();
                if (kw.isEmpty()) {
                    continue;
                }
                int weight = 1;
                int star = kw.lastIndexOf('*');
                if (star > 0) {
                    try {
                        weight = Integer.parseInt(kw.substring(star + 1).strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(origin + ":" + lineNo + ": bad weight in '" + kw + "'");
                    }
                    kw = kw.substring(0, star).strip();
                }
                keywords.add(new Keyword(ChineseScript.toSimplified(kw), weight));
            }
            if (keywords.isEmpty()) {
                throw new IllegalArgumentException(origin + ":" + lineNo + ": theme '" + theme + "' has no keywords");
            }
            themes.put(theme, List.copyOf(keywords));
        }
        if (themes.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no themes");
        }
        return new ThemeTaxonomy(java.util.Collections.unmodifiableMap(themes));
    }

    /** Theme names in file order. */
    public List<String> themes() {
        return List.copyOf(themes.keySet());
    }

    public List<Keyword> keywords(String theme) {
        return themes.getOrDefault(theme, List.of());
    }
}
