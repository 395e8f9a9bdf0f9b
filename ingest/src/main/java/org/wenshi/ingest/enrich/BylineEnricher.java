package org.wenshi.ingest.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authors, editors, source, publisher and series of a document from its byline and labelled lines
 * ("作者：…", "文/…", "XX 口述 YY 整理", "本报记者 XX 通讯员 YY", "《南阳文史资料》第3辑"). It never
 * guesses a name from running text: only what a byline or label states.
 */
public final class BylineEnricher {
    private static final int OPENING_LINES = 12;
    private static final String NAME = "[\\p{IsHan}·]{2,5}";
    private static final Pattern LABELLED = Pattern.compile("^(?:作者|撰稿|撰文|执笔)\\s*[:：]\\s*(" + NAME + ")");
    private static final Pattern SLASH = Pattern.compile("^文\\s*[/／]\\s*(" + NAME + ")");
    private static final Pattern ORAL =
            Pattern.compile("(?<![\\p{IsHan}·])(" + NAME + ")\\s*(?:口述|讲述|遗稿|撰|著)(?:[\\s\u3000]|$|[，,；;])");
    private static final Pattern EDITED =
            Pattern.compile("(?<![\\p{IsHan}·])(" + NAME + ")\\s*(?:整理|记录|采写)(?:[\\s\u3000]|$|[）)，,；;])");
    private static final Pattern REPORTER = Pattern.compile(
            "(?:本报|本台|本网)?(?:特约)?(?:记者|通讯员)\\s*(" + NAME + "(?:[\\s、]+" + NAME + ")*)(?=[\\s、）)，,。]|$)");
    private static final Pattern SERIES = Pattern.compile("《([^》]{1,24})》\\s*(第[〇零一二三四五六七八九十百\\d]{1,5}[辑卷期册])?");
    private static final Set<String> NOT_NAMES = Set.of(
            "本站", "本报", "本网", "管理员", "编辑部", "办公室", "通讯员", "记者", "特约记者", "报道", "摄影", "整理", "口述", "供稿", "未知", "佚名");

    /**
     * @param simplifiedLines the text's lines, simplified
     * @param authorLine the AUTHOR metadata, or null
     * @param editorsLine the EDITORS metadata ('、'-joined), or null
     * @param siteName the SITE_NAME metadata, or null
     * @param sourceLine the SOURCE metadata (来源), or null
     */
    public Byline read(
            List<String> simplifiedLines, String authorLine, String editorsLine, String siteName, String sourceLine) {
        Set<String> authors = new LinkedHashSet<>();
        if (authorLine != null) {
            for (String n : authorLine.split("[\\s、,，;；/]+")) {
                addName(authors, n);
            }
        }
        String series = null;
        String volume = null;
        for (int i = 0; i < Math.min(OPENING_LINES, simplifiedLines.size()); i++) {
            String line = simplifiedLines.get(i);
            find(LABELLED, line, authors);
            find(SLASH, line, authors);
            if (line.length() <= 40) {
                find(ORAL, line, authors);
                find(EDITED, line, authors);
            }
            Matcher r = REPORTER.matcher(line);
            while (r.find() && line.length() <= 200) {
                for (String n : r.group(1).split("[\\s、]+")) {
                    if (!NOT_NAMES.contains(n)) {
                        addName(authors, n.replaceAll("(报道|摄影|摄)$", ""));
                    }
                }
            }
            if (series == null) {
                Matcher s = SERIES.matcher(line);
                while (s.find()) {
                    String name = s.group(1).strip();
                    if (name.matches(".*(文史资料|文史|史料|资料|记忆|往事|春秋|丛书|文库).*")) {
                        series = name;
                        volume = s.group(2);
                        break;
                    }
                }
            }
        }
        List<String> editors = new ArrayList<>();
        if (editorsLine != null) {
            for (String n : editorsLine.split("、")) {
                if (!n.isBlank() && !NOT_NAMES.contains(n.strip())) {
                    editors.add(n.strip());
                }
            }
        }
        String publisher = clean(sourceLine);
        String site = clean(siteName);
        String source = site != null ? site : publisher != null ? publisher : series;
        return new Byline(List.copyOf(authors), editors, source, publisher, series, volume);
    }

    private static void find(Pattern p, String line, Set<String> into) {
        Matcher m = p.matcher(line);
        while (m.find()) {
            addName(into, m.group(1));
        }
    }

    private static void addName(Set<String> into, String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.length() >= 2 && n.length() <= 12 && !NOT_NAMES.contains(n) && !n.matches(".*\\d.*")) {
            into.add(n);
        }
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.isEmpty() || NOT_NAMES.contains(v) || v.length() > 40) {
            return null;
        }
        return v;
    }
}
