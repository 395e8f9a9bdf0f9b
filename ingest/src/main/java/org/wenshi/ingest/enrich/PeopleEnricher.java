package org.wenshi.ingest.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and organisations a document names with a role: "市政协主席张富治", "四川省南江县政协主席
 * 吴开财", "（本报记者 李金玺）", "王德顺 口述 李文华 整理", "提案人：陈志明（…）", a bare author line
 * under the title. A name must start with a common surname ({@code surnames.txt}) and end where the
 * sentence goes on (向, 作, 说, 主持, punctuation …); an organisation before a role counts only when
 * its place part is in the gazetteer, so "会上市政协主席" yields 市政协, not 会上市政协.
 *
 * <p>It never guesses a person from running text without a role or byline, and keeps each name once
 * (with the first role stated).
 */
public final class PeopleEnricher {
    static final String SURNAMES = "org/wenshi/ingest/enrich/surnames.txt";

    private static final String ROLES = "党组书记、主席|党组书记、副主席|常务副主席|副主席|主席|副秘书长|秘书长|党组书记|副书记|书记|副主任|主任|"
            + "副市长|市长|副县长|县长|副区长|区长|州长|省长|副局长|局长|副部长|部长|厅长|副会长|会长|校长|院长|文史研究员|研究员|常委|委员|"
            + "特约记者|记者|通讯员|主持人|提案人|反映人|作者|撰稿|执笔";
    private static final Pattern ROLE = Pattern.compile(
            "(" + ROLES + ")[:：]?\\s?([\\p{IsHan}·]{2,12}|[\\p{IsHan}]\\s[\\p{IsHan}](?:\\s[\\p{IsHan}])?)");
    private static final Pattern ORAL = Pattern.compile("(?:^|\\s)([\\p{IsHan}·]{2,12}?)\\s*(口述|整理|讲述|撰文)(?=\\s|$)");
    private static final Pattern BARE_NAME = Pattern.compile("^[\\p{IsHan}·]{2,4}$");
    private static final Pattern ORG_SHAPE = Pattern.compile("^(?:"
            + "(?:([\\p{IsHan}]{2,10}?)(?:省|市|县|区|州|旗|盟)|省|市|县|区|州)?"
            + "(?:政协[\\p{IsHan}]{2,12}?委员会|政协|人大|政府|工商联|政协[\\p{IsHan}]{0,4}委|党组)"
            + "|全国政协|本报|新华社|[\\p{IsHan}]{2,8}?(?:日报|晚报|政协报|报))(?:全媒体|社)?$");
    private static final String AFTER_NAME = "向作在说讲表指介主出代强要认提建参带率一等同和与及就对为是到先也还将曾的了从亲任";
    private static final Set<String> NOT_NAMES = Set.of(
            "满意", "满意率", "来自", "全体", "全部", "全员", "成员", "成果", "方面", "单位", "包括", "共同", "关于", "华侨", "应当", "明确", "文化", "文史",
            "安全", "高度", "国家", "平台", "计划", "宣传", "相关", "普遍", "工作", "会议", "们", "履职", "代表", "企业");
    private static final int MAX_LINES = 400;
    private static final List<String> VERBS_AFTER_NAME =
            List.of("表示", "指出", "介绍", "主持", "出席", "强调", "认为", "代表", "说", "在", "向", "作", "和", "与");

    private final Gazetteer gazetteer;
    private final Set<String> single = new HashSet<>();
    private final Set<String> compound = new HashSet<>();

    public PeopleEnricher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        try (InputStream in = PeopleEnricher.class.getClassLoader().getResourceAsStream(SURNAMES)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + SURNAMES);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String s : line.strip().split("\\s+")) {
                    (s.length() == 1 ? single : compound).add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SURNAMES, e);
        }
    }

    /** People and organisations of one document. */
    public record People(List<Person> people, List<String> organizations) {}

    /** Reads simplified lines (title first). */
    public People read(List<String> lines) {
        Map<String, Person> people = new LinkedHashMap<>();
        Set<String> orgs = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++) {
            String line = lines.get(i);
            if (i > 0 && i <= 3 && BARE_NAME.matcher(line).matches()) {
                name(line).ifPresent(n -> people.putIfAbsent(n, new Person(n, "作者", null)));
            }
            Matcher oral = ORAL.matcher(line);
            while (oral.find()) {
                String raw = oral.group(1);
                name(raw.length() > 4 ? raw.substring(raw.length() - 3) : raw)
                        .ifPresent(n -> people.putIfAbsent(n, new Person(n, oral.group(2), null)));
            }
            Matcher m = ROLE.matcher(line);
            int from = 0;
            while (m.find(from)) {
                from = m.start(2);
                String role = m.group(1);
                String candidate = m.group(2);
                String org = orgBefore(line, m.start());
                String found = nameAt(candidate, line, m.start(2));
                if (found == null) {
                    continue;
                }
                from = m.start(2) + 1;
                if (org != null) {
                    orgs.add(org);
                }
                String fullRole = org == null ? role : org + role;
                people.putIfAbsent(found, new Person(found, fullRole, org));
            }
        }
        return new People(new ArrayList<>(people.values()), new ArrayList<>(orgs));
    }

    /** The name that starts {@code candidate} (found at {@code at} in {@code line}), or null. */
    private String nameAt(String candidate, String line, int at) {
        if (candidate.contains(" ")) {
            String joined = candidate.replace(" ", "");
            return name(joined).orElse(null);
        }
        if (candidate.contains("·")) {
            int dot = candidate.indexOf('·');
            for (String verb : VERBS_AFTER_NAME) {
                int v = candidate.indexOf(verb, dot);
                if (v > dot + 1) {
                    candidate = candidate.substring(0, v);
                }
            }
            int end = at + candidate.length();
            return end >= line.length()
                            || !Character.isLetter(line.charAt(end))
                            || AFTER_NAME.indexOf(line.charAt(end)) >= 0
                    ? name(candidate).orElse(null)
                    : null;
        }
        int surname = compound.contains(candidate.length() >= 2 ? candidate.substring(0, 2) : "") ? 2 : 1;
        if (surname == 1 && !single.contains(candidate.substring(0, 1))) {
            return null;
        }
        // Prefer the longest given name (1–2 characters) that the sentence lets end there.
        for (int given = 2; given >= 1; given--) {
            int len = surname + given;
            if (len > candidate.length()) {
                continue;
            }
            int end = at + len;
            boolean boundary =
                    end >= line.length() || !isHan(line.charAt(end)) || AFTER_NAME.indexOf(line.charAt(end)) >= 0;
            String n = candidate.substring(0, len);
            if (boundary && !NOT_NAMES.contains(n) && !NOT_NAMES.contains(n.substring(0, 2))) {
                return n;
            }
        }
        return null;
    }

    private java.util.Optional<String> name(String raw) {
        String n = raw.strip();
        if (n.length() < 2 || NOT_NAMES.contains(n)) {
            return java.util.Optional.empty();
        }
        if (n.contains("·")) {
            return java.util.Optional.of(n);
        }
        boolean surname = single.contains(n.substring(0, 1)) || n.length() >= 3 && compound.contains(n.substring(0, 2));
        if (!surname || n.length() > 4 || !gazetteer.lookup(n).isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(n);
    }

    /** The organisation written right before a role (四川省南江县政协, 漯河日报全媒体), or null. */
    private String orgBefore(String line, int roleStart) {
        int start = roleStart;
        while (start > 0
                && roleStart - start < 20
                && (isHan(line.charAt(start - 1)) || line.charAt(start - 1) == '、')) {
            start--;
        }
        String span = line.substring(start, roleStart);
        for (int i = 0; i + 2 <= span.length(); i++) {
            String suffix = span.substring(i);
            Matcher m = ORG_SHAPE.matcher(suffix);
            if (m.matches() && placeKnown(m.group(1), suffix)) {
                return suffix.endsWith("全媒体") ? suffix.substring(0, suffix.length() - 3) : suffix;
            }
        }
        return null;
    }

    private boolean placeKnown(String placeStem, String org) {
        if (placeStem == null) {
            return true;
        }
        String withSuffix = org.substring(0, placeStem.length() + 1);
        if (!gazetteer.lookup(withSuffix).isEmpty()
                || !gazetteer.lookup(placeStem).isEmpty()) {
            return true;
        }
        // 四川省南江县: a province followed by a division of it
        for (int k = 2; k < withSuffix.length() - 1; k++) {
            if (!gazetteer.lookup(withSuffix.substring(0, k)).isEmpty()
                    && (!gazetteer.lookup(withSuffix.substring(k)).isEmpty()
                            || !gazetteer
                                    .lookup(withSuffix.substring(k, withSuffix.length() - 1))
                                    .isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
