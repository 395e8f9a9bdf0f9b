package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labelled lines pages and files carry about themselves ("来源：南阳市政协 发布时间：
 * 2024-05-14 编辑：张三") into {@link Metadata}. Exists so that the HTML and the text extractor read
 * these lines the same way; it never decides whether a line is removed from the text.
 */
public final class LabelledLines {
    private static final Pattern LABEL = Pattern.compile(
            "(来源|稿源|供稿|发布机构|发文机关|成文日期|生成日期|索引号|文号|主题分类|信息分类|公开方式|公开范围|有效性|发布时间|发布日期|发表时间|发表日期|更新时间|日期|时间|作者|撰稿|撰文|记者|"
                    + "责任编辑|责编|编辑|校对|审核|终审|初审|复审|审校|编审|阅读量|阅读|浏览次数|浏览|点击数|点击|"
                    + "发布者|发布人|字号|信息来源)\\s*[:：]\\s*");
    private static final Pattern VALUE_END = Pattern.compile("\\s*[|丨｜【\\[]\\s*$");
    private static final int MAX_LINE = 160;

    private LabelledLines() {}

    /** True when {@code line} is essentially a run of label: value pairs (no article text). */
    public static boolean isLabelLine(String line) {
        if (line.length() > MAX_LINE) {
            return false;
        }
        line = ChineseScript.toSimplified(line);
        Matcher m = LABEL.matcher(line);
        if (!m.find()) {
            return false;
        }
        String before = line.substring(0, m.start()).strip();
        if (PublicationDate.isDateLine(before)) {
            return true;
        }
        return before.isEmpty() || before.length() <= 4 && !before.matches(".*\\p{IsHan}{3,}.*") || m.find();
    }

    /** Adds what labelled {@code lines} say to {@code into}, keeping values found earlier. */
    public static void read(List<String> lines, Map<Metadata, String> into) {
        Set<String> editors = new LinkedHashSet<>();
        if (into.containsKey(Metadata.EDITORS)) {
            editors.addAll(List.of(into.get(Metadata.EDITORS).split("、")));
        }
        for (String line : lines) {
            if (!isLabelLine(line)) {
                continue;
            }
            for (Map.Entry<String, String> pair : pairs(line)) {
                String label = pair.getKey();
                String value = pair.getValue();
                if (value.isEmpty()) {
                    continue;
                }
                switch (label) {
                    case "来源", "稿源", "供稿", "信息来源", "发布机构", "发文机关" -> into.putIfAbsent(Metadata.SOURCE, value);
                    case "发布时间", "发布日期", "发表时间", "发表日期", "日期", "时间", "更新时间" -> {
                        if (value.matches(".*\\d.*|.*[〇零一二三四五六七八九]{4}年.*")) {
                            into.putIfAbsent(Metadata.PUBLISHED, value);
                        }
                    }
                    case "作者", "撰稿", "撰文", "记者" -> into.putIfAbsent(Metadata.AUTHOR, value);
                    case "责任编辑", "责编", "编辑", "校对", "审核", "终审", "初审", "复审", "审校", "编审" -> editors.addAll(names(value));
                    default -> {
                        // counters, font-size switches and the like carry nothing worth keeping
                    }
                }
            }
        }
        if (!editors.isEmpty()) {
            into.put(Metadata.EDITORS, String.join("、", editors));
        }
    }

    /** The label: value pairs of one line, in order. */
    static List<Map.Entry<String, String>> pairs(String original) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String folded = ChineseScript.toSimplified(original);
        // Values keep the source's own characters when folding kept the offsets.
        String line = folded.length() == original.length() ? original : folded;
        Matcher m = LABEL.matcher(folded);
        List<int[]> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            labels.add(m.group(1));
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : line.length();
            String value = line.substring(spans.get(i)[1], end).strip();
            value = VALUE_END.matcher(value).replaceAll("").strip();
            value = value.replaceAll("^[【\\[（(]+|[】\\]）)]+$", "").strip();
            out.add(Map.entry(labels.get(i), value));
        }
        return out;
    }

    private static List<String> names(String value) {
        List<String> out = new ArrayList<>();
        for (String n : value.split("[\\s、,，/；;]+")) {
            if (!n.isBlank() && n.length() <= 12) {
                out.add(n.strip());
            }
        }
        return out;
    }

    /** An empty metadata map to fill. */
    public static Map<Metadata, String> newMetadata() {
        return new EnumMap<>(Metadata.class);
    }
}
