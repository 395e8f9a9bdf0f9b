package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Promotional text that reposting sites inject into an article: their name glued before the title
 * ({@code kaiyun开云体育:标题}, {@code 【乐鱼体育】标题}), glued after a paragraph or a heading
 * ({@code …办结率100%。开云体育}) and standalone promo lines ({@code 开云体育(官方网站)}). Reprints of
 * one article then differ from the original only by these pieces, which would otherwise be indexed,
 * shown in snippets and break reprint detection.
 *
 * <p>A name counts as injected only when it turns up in at least two such positions (a title prefix
 * alone is the normal "寿光市政协：让蔬菜…" headline style), and it is then removed everywhere it is
 * glued. Everything removed is returned as removed lines so that a run report can show it. It never
 * removes a sentence of the article itself and never touches a text where no name is confirmed.
 */
public final class InjectedText {
    private static final String NAME = "[\\p{IsHan}]{2,8}";
    private static final Pattern TITLE_PREFIX =
            Pattern.compile("^(?:[A-Za-z0-9]{2,16}\\s*)?(" + NAME + ")\\s*[:：·|｜丨]\\s*(?=\\S)");
    private static final Pattern TITLE_BRACKET = Pattern.compile("^【(" + NAME + ")】\\s*(?=\\S)");
    private static final Pattern GLUED_END = Pattern.compile("[。！？!?”’」』）)%]\\s*(" + NAME + ")$");
    private static final Pattern STANDALONE =
            Pattern.compile("^(" + NAME + ")\\s*(?:[（(][^（）()]{1,16}[）)].{0,20}|\\s.{2,24})?$");
    private static final Pattern PROMO_WORDS = Pattern.compile("官网|官方|入口|平台|欢迎|娱乐|体育|注册|登录|下载|招牌|app|APP|网址|首页");
    private static final Pattern SENTENCE = Pattern.compile("[。！？；，,;]");

    private InjectedText() {}

    /** The extraction with confirmed injected names removed; the same object when there are none. */
    public static Extraction apply(Extraction extraction) {
        if (!extraction.pages().isEmpty()) {
            return extraction; // page offsets are cited: a paged text is never rewritten
        }
        List<String> lines = extraction.lines();
        Set<String> names = injectedNames(extraction.title(), lines);
        if (names.isEmpty()) {
            return extraction;
        }
        List<String> removed = new ArrayList<>(extraction.removedLines());
        String title = stripTitle(extraction.title(), names, removed);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.equals(extraction.title())) {
                if (!title.isBlank()) {
                    kept.add(title);
                }
                continue;
            }
            if (isStandalonePromo(line, names)) {
                removed.add(line);
                continue;
            }
            String cleaned = stripGlued(line, names, removed);
            if (!cleaned.isBlank()) {
                kept.add(cleaned);
            }
        }
        if (kept.isEmpty() || title.isBlank()) {
            return extraction;
        }
        return new Extraction(
                title,
                String.join("\n", kept),
                extraction.charset(),
                extraction.metadata(),
                List.copyOf(removed),
                List.of(),
                extraction.original());
    }

    /** Names found in at least two injection positions of {@code title} and {@code lines}. */
    static Set<String> injectedNames(String title, List<String> lines) {
        Map<String, Set<String>> positions = new LinkedHashMap<>();
        titleName(title)
                .ifPresent(n ->
                        positions.computeIfAbsent(n, k -> new LinkedHashSet<>()).add("title"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.equals(title)) {
                continue;
            }
            Matcher end = GLUED_END.matcher(line);
            if (end.find() && line.length() > end.group(1).length() + 6) {
                positions
                        .computeIfAbsent(end.group(1), k -> new LinkedHashSet<>())
                        .add("glued:" + i);
            }
            Matcher alone = STANDALONE.matcher(line);
            if (alone.matches()
                    && !SENTENCE.matcher(line).find()
                    && PROMO_WORDS.matcher(line).find()) {
                positions
                        .computeIfAbsent(alone.group(1), k -> new LinkedHashSet<>())
                        .add("standalone:" + i);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        positions.forEach((name, where) -> {
            if (where.size() >= 2) {
                names.add(name);
            }
        });
        return names;
    }

    private static Optional<String> titleName(String title) {
        Matcher m = TITLE_PREFIX.matcher(title);
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        Matcher b = TITLE_BRACKET.matcher(title);
        return b.find() ? Optional.of(b.group(1)) : Optional.empty();
    }

    private static String stripTitle(String title, Set<String> names, List<String> removed) {
        for (Pattern p : List.of(TITLE_PREFIX, TITLE_BRACKET)) {
            Matcher m = p.matcher(title);
            if (m.find() && names.contains(m.group(1))) {
                removed.add(title.substring(0, m.end()).strip());
                return title.substring(m.end()).strip();
            }
        }
        return stripGlued(title, names, removed);
    }

    private static boolean isStandalonePromo(String line, Set<String> names) {
        Matcher alone = STANDALONE.matcher(line);
        return alone.matches()
                && names.contains(alone.group(1))
                && !SENTENCE.matcher(line).find();
    }

    private static String stripGlued(String line, Set<String> names, List<String> removed) {
        String out = line;
        for (String name : names) {
            if (out.endsWith(name) && out.length() > name.length()) {
                removed.add(name);
                out = out.substring(0, out.length() - name.length()).strip();
            }
            for (String opener : List.of("【" + name + "】", name + ":", name + "：")) {
                if (out.startsWith(opener) && out.length() > opener.length()) {
                    removed.add(opener);
                    out = out.substring(opener.length()).strip();
                }
            }
        }
        return out;
    }
}
