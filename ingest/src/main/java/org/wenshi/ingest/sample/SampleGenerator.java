package org.wenshi.ingest.sample;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.wenshi.ingest.enrich.Division;
import org.wenshi.ingest.enrich.Division.Level;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.extract.ChineseScript;

/**
 * Makes the sample archive's documents: document {@code i} depends only on the seed and {@code i},
 * so any prefix of a large archive equals the smaller archive and documents are written one at a
 * time (a later issue streams 100k and 1M documents through the same code). Themes rotate so the
 * first 18 documents cover every theme; cities rotate through 28 real cities of 5 provinces, about a
 * third of the documents belong to a county committee of that city (taken from the gazetteer).
 *
 * <p>It never copies text from real documents: everything comes from {@link SampleTexts} and the
 * templates here, and every document carries {@link SampleTexts#NOTE}.
 */
public final class SampleGenerator {
    /** The archive's fixed seed. */
    public static final long SEED = 19_491_001L;
    /** Bumped whenever the output changes, so an existing archive is regenerated. */
    public static final int VERSION = 3;

    private static final String[][] CITIES = {
        {"河南省", "郑州市"},
        {"河南省", "开封市"},
        {"河南省", "洛阳市"},
        {"河南省", "南阳市"},
        {"河南省", "许昌市"},
        {"河南省", "漯河市"},
        {"河南省", "信阳市"},
        {"河南省", "周口市"},
        {"四川省", "成都市"},
        {"四川省", "绵阳市"},
        {"四川省", "南充市"},
        {"四川省", "巴中市"},
        {"四川省", "达州市"},
        {"四川省", "宜宾市"},
        {"湖北省", "武汉市"},
        {"湖北省", "宜昌市"},
        {"湖北省", "襄阳市"},
        {"湖北省", "荆州市"},
        {"湖北省", "十堰市"},
        {"江苏省", "南京市"},
        {"江苏省", "苏州市"},
        {"江苏省", "扬州市"},
        {"江苏省", "徐州市"},
        {"山东省", "济南市"},
        {"山东省", "青岛市"},
        {"山东省", "潍坊市"},
        {"山东省", "临沂市"},
        {"山东省", "济宁市"},
    };

    /** Genres that suit each theme; the document number picks among them. */
    private static final Map<String, List<Genre>> GENRES = Map.ofEntries(
            Map.entry("政治引领与党的建设", List.of(Genre.WORK_REPORT, Genre.NEWS)),
            Map.entry("协商议政", List.of(Genre.NEWS, Genre.WORK_REPORT)),
            Map.entry("民主监督", List.of(Genre.NEWS, Genre.WORK_REPORT)),
            Map.entry("提案工作", List.of(Genre.PROPOSAL, Genre.WORK_REPORT, Genre.NEWS)),
            Map.entry("社情民意", List.of(Genre.OPINION, Genre.WORK_REPORT)),
            Map.entry("团结联谊与统一战线", List.of(Genre.NEWS, Genre.RECORD)),
            Map.entry("文史资料与文化传承", List.of(Genre.MEMOIR, Genre.NEWS, Genre.PROPOSAL)),
            Map.entry("经济发展", List.of(Genre.PROPOSAL, Genre.NEWS, Genre.OPINION)),
            Map.entry("乡村振兴与农业", List.of(Genre.PROPOSAL, Genre.OPINION, Genre.NEWS)),
            Map.entry("民生保障", List.of(Genre.PROPOSAL, Genre.OPINION)),
            Map.entry("生态环保", List.of(Genre.PROPOSAL, Genre.NEWS)),
            Map.entry("城市建设与交通", List.of(Genre.PROPOSAL, Genre.OPINION)),
            Map.entry("基层协商", List.of(Genre.NEWS)),
            Map.entry("委员队伍与自身建设", List.of(Genre.WORK_REPORT, Genre.NEWS)),
            Map.entry("抗战与革命史", List.of(Genre.MEMOIR, Genre.RECORD)),
            Map.entry("人物回忆", List.of(Genre.MEMOIR)),
            Map.entry("民族宗教", List.of(Genre.MEMOIR, Genre.RECORD, Genre.NEWS)),
            Map.entry("港澳台侨", List.of(Genre.MEMOIR, Genre.NEWS, Genre.OPINION)));

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private final long seed;
    private final List<String> themes = List.copyOf(SampleTexts.BY_THEME.keySet());
    private final List<Division> cities = new ArrayList<>();
    private final List<List<Division>> counties = new ArrayList<>();

    public SampleGenerator(Gazetteer gazetteer, long seed) {
        this.seed = seed;
        for (String[] pc : CITIES) {
            Division province = gazetteer
                    .find(pc[0], Level.PROVINCE, null)
                    .orElseThrow(() -> new IllegalStateException("Gazetteer lacks " + pc[0]));
            Division city = gazetteer
                    .find(pc[1], Level.CITY, province)
                    .orElseThrow(() -> new IllegalStateException("Gazetteer lacks " + pc[0] + pc[1]));
            cities.add(city);
            List<Division> all = gazetteer.countiesOf(city);
            List<Division> rural = all.stream()
                    .filter(d -> d.name().endsWith("县") || d.name().endsWith("市"))
                    .toList();
            counties.add(rural.isEmpty() ? all : rural);
        }
    }

    /** The themes the generator writes about. */
    public List<String> themes() {
        return themes;
    }

    /** Writes documents {@code 0..size-1} under {@code docs}, one at a time, telling {@code each} about each. */
    public void generate(Path docs, int size, Consumer<SampleDocument> each) throws IOException {
        for (int i = 0; i < size; i++) {
            SampleDocument d = document(i);
            Path file = docs.resolve(d.relativePath());
            Files.createDirectories(file.getParent());
            Files.write(file, d.bytes());
            each.accept(d);
        }
    }

    /** Document {@code i}: a pure function of the seed and {@code i}. */
    public SampleDocument document(int i) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        SamplePlan plan = plan(i, rnd);
        Writer w = new Writer(plan, rnd);
        Text text =
                switch (plan.genre()) {
                    case WORK_REPORT -> w.workReport();
                    case PROPOSAL -> w.proposal();
                    case OPINION -> w.opinion();
                    case NEWS -> w.news();
                    case MEMOIR -> w.memoir();
                    case RECORD -> w.record();
                };
        if (plan.traditional()) {
            // Traditional texts write 零 where simplified ones write 〇 (and Big5 lacks 〇).
            text = new Text(
                    ChineseScript.toTraditional(text.title()),
                    text.lines().stream()
                            .map(l -> ChineseScript.toTraditional(l).replace('〇', '零'))
                            .toList());
        }
        Charset charset = Charset.forName(plan.encoding());
        String content = plan.html() ? new HtmlPage(plan, rnd, text).render() : plainText(text);
        if (!charset.newEncoder().canEncode(content)) {
            charset = StandardCharsets.UTF_8;
            plan = withEncoding(plan, "UTF-8");
            content = plan.html() ? new HtmlPage(plan, new SplittableRandom(seed + i), text).render() : plainText(text);
        }
        Optional<SampleFormats.Kind> rich = SampleFormats.kind(i, plan);
        String extension = rich.map(k -> k.extension).orElse(plan.html() ? "html" : "txt");
        String name = String.format(
                "%03d/%06d-%s.%s",
                i / 1000, i, plan.genre().name().toLowerCase().replace('_', '-'), extension);
        byte[] bytes = rich.isPresent() ? SampleFormats.bytes(rich.get(), text, plan) : content.getBytes(charset);
        return new SampleDocument(name, text.title(), bytes, plan);
    }

    private SamplePlan plan(int i, SplittableRandom rnd) {
        String theme = themes.get(i % themes.size());
        List<Genre> suitable = GENRES.get(theme);
        Genre genre = suitable.get((i / themes.size()) % suitable.size());
        int c = i % cities.size();
        Division city = cities.get(c);
        Division county = null;
        if (genre != Genre.RECORD && rnd.nextInt(100) < 35) {
            List<Division> options = counties.get(c);
            county = options.get(rnd.nextInt(options.size()));
        }
        int year = genre.firstYear + rnd.nextInt(genre.lastYear - genre.firstYear + 1);
        int month = genre == Genre.WORK_REPORT ? 1 + rnd.nextInt(2) : 1 + rnd.nextInt(12);
        int day = 1 + rnd.nextInt(28);
        boolean traditional = theme.equals("港澳台侨") && genre == Genre.MEMOIR || genre == Genre.MEMOIR && i % 5 == 0;
        boolean html =
                switch (genre) {
                    case NEWS -> true;
                    case WORK_REPORT, MEMOIR -> rnd.nextInt(100) < 35;
                    case PROPOSAL, OPINION -> rnd.nextInt(100) < 50;
                    case RECORD -> false;
                };
        int e = rnd.nextInt(100);
        String encoding;
        boolean declare = true;
        if (traditional) {
            encoding = e < 50 ? "Big5" : "UTF-8";
        } else if (html) {
            encoding = e < 50 ? "UTF-8" : e < 75 ? "GBK" : e < 90 ? "GBK" : "UTF-8";
            declare = !(e >= 75 && e < 90) && e < 95;
        } else {
            encoding = e < 70 ? "UTF-8" : "GBK";
        }
        return new SamplePlan(i, genre, theme, city, county, year, month, day, html, traditional, encoding, declare);
    }

    private static SamplePlan withEncoding(SamplePlan p, String encoding) {
        return new SamplePlan(
                p.number(),
                p.genre(),
                p.theme(),
                p.city(),
                p.county(),
                p.year(),
                p.month(),
                p.day(),
                p.html(),
                p.traditional(),
                encoding,
                p.declareCharset());
    }

    private static String plainText(Text text) {
        StringBuilder sb = new StringBuilder(text.title()).append("\n\n");
        for (String line : text.lines()) {
            boolean paragraph = line.length() > 30;
            sb.append(paragraph ? "\u3000\u3000" : "").append(line).append('\n');
            if (paragraph) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A document's title and lines, before format and encoding. */
    record Text(String title, List<String> lines) {}

    /** Chinese numerals: 14 → 十四, 1984 → 一九八四 (digit by digit with {@code digits}). */
    static String chinese(int n, boolean digits) {
        String d = "〇一二三四五六七八九";
        if (digits) {
            StringBuilder sb = new StringBuilder();
            for (char ch : Integer.toString(n).toCharArray()) {
                sb.append(d.charAt(ch - '0'));
            }
            return sb.toString();
        }
        if (n < 10) {
            return String.valueOf(d.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
        }
        return d.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(d.charAt(n % 10)));
    }

    /** Writes the text of one document from the plan. */
    private final class Writer {
        private final SamplePlan plan;
        private final SplittableRandom rnd;
        private final Division place;
        private final String p;
        private final String s;
        private final String c;
        private final String topic;
        private final java.util.Set<String> used = new java.util.HashSet<>();

        Writer(SamplePlan plan, SplittableRandom rnd) {
            this.plan = plan;
            this.rnd = rnd;
            this.place = plan.place();
            this.p = place.name();
            this.s = shortName(place);
            this.c = plan.city().name();
            this.topic = pick(bank(plan.theme()).topics());
        }

        private SampleTexts.Bank bank(String theme) {
            return SampleTexts.BY_THEME.get(theme);
        }

        private String pick(List<String> list) {
            return list.get(rnd.nextInt(list.size()));
        }

        private String name() {
            return pick(SampleTexts.SURNAMES) + pick(SampleTexts.GIVEN);
        }

        private String fill(String template) {
            String t = template.replace("{P}", p)
                    .replace("{S}", s)
                    .replace("{C}", c)
                    .replace("{Y}", String.valueOf(plan.year()))
                    .replace("{topic}", topic)
                    .replace("{issue}", pick(SampleTexts.ISSUES))
                    .replace("{lvl}", place.level() == Level.COUNTY ? "县" : "市");
            while (t.contains("{N}")) {
                t = t.replaceFirst("\\{N}", String.valueOf(2 + rnd.nextInt(29)));
            }
            while (t.contains("{M}")) {
                t = t.replaceFirst("\\{M}", String.valueOf(50 + rnd.nextInt(851)));
            }
            while (t.contains("{NAME}")) {
                t = t.replaceFirst("\\{NAME}", name());
            }
            return t;
        }

        /** {@code count} distinct sentences of the plan's theme, filled. */
        private List<String> sentences(String theme, int count) {
            List<String> all = new ArrayList<>(bank(theme).sentences());
            all.removeAll(used);
            List<String> out = new ArrayList<>();
            while (out.size() < count && !all.isEmpty()) {
                String template = all.remove(rnd.nextInt(all.size()));
                used.add(template);
                out.add(fill(template));
            }
            return out;
        }

        private String otherTheme() {
            String t;
            do {
                t = themes.get(rnd.nextInt(themes.size()));
            } while (t.equals(plan.theme()));
            return t;
        }

        private int term() {
            return Math.max(1, (plan.year() - 1955) / 5 + 1);
        }

        private int session() {
            return (plan.year() - 1955) % 5 + 1;
        }

        private String date() {
            return plan.year() + "年" + plan.month() + "月" + plan.day() + "日";
        }

        private String chineseDate(boolean withDay) {
            return chinese(plan.year(), true) + "年" + chinese(plan.month(), false) + "月"
                    + (withDay ? chinese(plan.day(), false) + "日" : "");
        }

        /** "巴中市南江县" for a county, "南阳市" for a city: the full path once, so the county's city is clear. */
        private String fullPlace() {
            return plan.county() != null ? c + p : p;
        }

        Text workReport() {
            String title = "政协" + p + "第" + chinese(term(), false) + "届委员会常务委员会工作报告";
            List<String> l = new ArrayList<>();
            l.add("（" + date() + "在政协" + p + "第" + chinese(term(), false) + "届委员会第" + chinese(session(), false)
                    + "次会议上）");
            l.add(fullPlace() + "政协主席 " + name());
            l.add(SampleTexts.NOTE);
            l.add("各位委员：");
            l.add("现在，我代表政协" + p + "第" + chinese(term(), false) + "届委员会常务委员会，向大会报告工作，请予审议。");
            l.add("一、" + (plan.year() - 1) + "年工作回顾");
            l.add((plan.year() - 1) + "年，在中共" + p + "委的坚强领导下，" + s + "政协常委会紧紧围绕全" + lvl()
                    + "中心工作，认真履行政治协商、民主监督、参政议政职能，各项工作取得新的进展。");
            l.addAll(sentences(plan.theme(), 3));
            l.addAll(sentences(otherTheme(), 1));
            l.add("全年共收到提案" + (100 + rnd.nextInt(600)) + "件，开展各类协商活动" + (5 + rnd.nextInt(40)) + "场次。");
            l.add("二、" + plan.year() + "年工作安排");
            l.addAll(sentences(plan.theme(), 1));
            l.add("各位委员，新的一年任务艰巨、使命光荣。让我们团结一心、开拓进取，为建设美好" + s + "作出新的更大贡献！");
            return new Text(title, l);
        }

        private String lvl() {
            return place.level() == Level.COUNTY ? "县" : "市";
        }

        Text proposal() {
            String title = "关于" + topic + "的提案";
            List<String> l = new ArrayList<>();
            l.add(SampleTexts.NOTE);
            l.add("政协" + p + "第" + chinese(term(), false) + "届委员会第" + chinese(session(), false) + "次会议提案第"
                    + (1 + rnd.nextInt(400)) + "号");
            l.add("提案人：" + name() + "（" + pick(SampleTexts.SECTORS) + "界委员）");
            l.add("案由：" + title);
            l.add("一、基本情况");
            l.addAll(sentences(plan.theme(), 1));
            l.add("二、存在的问题");
            l.addAll(sentences(plan.theme(), 1));
            l.add("三、几点建议");
            for (String sentence : sentences(plan.theme(), 2)) {
                l.add(sentence);
            }
            l.add("办理情况：本提案经" + s + "政协提案委员会审查立案，交由" + lvl() + pick(SampleTexts.DEPARTMENTS)
                    + "办理，已按期办结，提案人对办理结果表示满意。");
            l.add(fullPlace() + "政协提案委员会");
            l.add(date());
            return new Text(title, l);
        }

        Text opinion() {
            String title = "关于" + topic + "的社情民意信息";
            List<String> l = new ArrayList<>();
            l.add(s + "政协社情民意信息 " + plan.year() + "年第" + (1 + rnd.nextInt(60)) + "期");
            l.add(SampleTexts.NOTE);
            l.add("反映人：" + name());
            l.add("近期，" + fullPlace() + "政协委员在调研中了解到有关“" + topic + "”的一些情况，现整理如下。");
            l.addAll(sentences(plan.theme(), 2));
            l.add("建议：" + sentences(plan.theme(), 1).get(0));
            l.add(s + "政协办公室");
            l.add(date());
            return new Text(title, l);
        }

        Text news() {
            String title =
                    switch (rnd.nextInt(3)) {
                        case 0 -> p + "政协召开“" + topic + "”专题协商会";
                        case 1 -> p + "政协组织委员视察" + topic + "工作";
                        default -> s + "政协委员聚焦" + topic + "建言献策";
                    };
            List<String> l = new ArrayList<>();
            l.add("本报讯（记者 " + name() + " 通讯员 " + name() + "）" + plan.month() + "月" + plan.day() + "日，" + fullPlace()
                    + "政协围绕“" + topic + "”组织委员开展专题活动，" + lvl() + "政协主席" + name() + "参加。");
            l.addAll(sentences(plan.theme(), 3));
            l.add("活动中，" + (3 + rnd.nextInt(12)) + "位委员先后发言，大家一致认为，要把“" + topic + "”作为履职的重要内容，持续跟踪、久久为功。");
            l.addAll(sentences(otherTheme(), 1));
            l.add(SampleTexts.NOTE);
            return new Text(title, l);
        }

        Text memoir() {
            boolean reprint = !plan.theme().equals("港澳台侨") && plan.number() % 5 == 0;
            String author = name();
            String title;
            List<String> l = new ArrayList<>();
            String series = "《" + shortName(plan.city()) + "文史资料》第" + chinese(1 + rnd.nextInt(30), false) + "辑";
            if (reprint) {
                int minguo = 20 + rnd.nextInt(17);
                title = "民国" + chinese(minguo, false) + "年" + s + "县政概况（节录）";
                l.add(series);
                l.add("政协" + c + "委员会文史资料委员会编");
                l.add(SampleTexts.NOTE);
                l.add("编者按：本文据民国" + chinese(minguo, false) + "年（" + (1911 + minguo) + "年）旧刊重排，" + "原文为繁体竖排，今照录，以存史料。");
                l.add("民国" + chinese(minguo, false) + "年，本县共辖" + chinese(3 + rnd.nextInt(8), false)
                        + "区，户口较上年略增，县城内有商号百余家，街市尚称繁荣。");
                l.add("是年春，本县开办民众学校，入学者多为农家子弟；秋收后，县府组织修筑城外道路，以利交通。");
                l.addAll(sentences(plan.theme(), 2));
            } else {
                title = switch (rnd.nextInt(3)) {
                    case 0 -> "回忆" + topic;
                    case 1 -> topic + "亲历记";
                    default -> "我所知道的" + topic;
                };
                l.add(series);
                l.add(author + " 口述　" + name() + " 整理");
                l.add("政协" + c + "委员会文史资料委员会编");
                l.add(SampleTexts.NOTE);
                int subject = 1931 + rnd.nextInt(50);
                l.add(chinese(subject, true) + "年，我" + (10 + rnd.nextInt(30)) + "岁，在" + fullPlace() + "城里读书。那时的" + s
                        + "城墙还在，街上多是青石板路，一到雨天泥泞难行。");
                l.addAll(sentences(plan.theme(), 3));
                l.add("后来，" + author + "先生曾任" + s + "政协委员，多次为文史资料撰稿，留下了许多珍贵的回忆。");
                l.add("以上是我亲历、亲见、亲闻的一些情况，记录下来，供文史工作者参考，错漏之处，敬请指正。");
            }
            l.add(chineseDate(false));
            return new Text(title, l);
        }

        Text record() {
            String title =
                    switch (rnd.nextInt(2)) {
                        case 0 -> "政协" + p + "第一届委员会第" + chinese(1 + rnd.nextInt(3), false) + "次会议纪要";
                        default -> p + "各界人民代表会议协商委员会工作纪要";
                    };
            List<String> l = new ArrayList<>();
            l.add(SampleTexts.NOTE);
            l.add(chineseDate(true) + "，" + "政协" + p + "委员会召开会议，出席会议的有各民主党派、工商联、" + "人民团体和各界人士代表"
                    + (30 + rnd.nextInt(90)) + "人。");
            l.addAll(sentences(plan.theme(), 2));
            l.add("会议号召各界人士在中共" + p + "委领导下，加强团结，积极参加国家建设。");
            l.add("（本纪要录自" + shortName(plan.city()) + "政协档案，" + chinese(1980 + rnd.nextInt(20), true) + "年收入文史资料）");
            l.add(chineseDate(true));
            return new Text(title, l);
        }
    }

    static String shortName(Division d) {
        String n = d.name();
        if (n.length() > 2 && (n.endsWith("市") || n.endsWith("县") || n.endsWith("区"))) {
            return n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** An HTML page around the text, with the boilerplate committee sites carry. */
    private static final class HtmlPage {
        private final SamplePlan plan;
        private final SplittableRandom rnd;
        private final Text text;

        HtmlPage(SamplePlan plan, SplittableRandom rnd, Text text) {
            this.plan = plan;
            this.rnd = rnd;
            this.text = text;
        }

        private String t(String s) {
            return plan.traditional() ? ChineseScript.toTraditional(s) : s;
        }

        String render() {
            String shortPlace = shortName(plan.place());
            String site = t(
                    switch (plan.number() % 3) {
                        case 0 -> shortPlace + "政协网";
                        case 1 -> "政协" + plan.place().name() + "委员会门户网站";
                        default -> shortPlace + "政协";
                    });
            String column = t(SampleTexts.COLUMNS.get(plan.number() % SampleTexts.COLUMNS.size()));
            String date = String.format(
                    "%04d-%02d-%02d %02d:%02d",
                    plan.year(), plan.month(), plan.day(), 8 + rnd.nextInt(10), rnd.nextInt(60));
            String source = t(plan.genre() == Genre.NEWS ? shortName(plan.city()) + "日报" : site);
            String charsetName = plan.encoding().equalsIgnoreCase("GBK")
                    ? (plan.number() % 2 == 0 ? "gb2312" : "gbk")
                    : plan.encoding().equalsIgnoreCase("Big5") ? "big5" : "utf-8";
            StringBuilder h = new StringBuilder();
            h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n");
            if (plan.declareCharset()) {
                h.append(
                        plan.number() % 2 == 0
                                ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charsetName
                                        + "\">\n"
                                : "<meta charset=\"" + charsetName + "\">\n");
            }
            h.append("<title>")
                    .append(esc(text.title()))
                    .append(plan.number() % 2 == 0 ? "_" : " - ")
                    .append(esc(site))
                    .append("</title>\n");
            if (plan.number() % 2 == 0) {
                h.append("<meta name=\"PubDate\" content=\"").append(date).append("\">\n");
            }
            h.append("<meta name=\"keywords\" content=\"")
                    .append(esc(t("政协," + column)))
                    .append("\">\n");
            h.append("<link rel=\"stylesheet\" href=\"/css/style.css\">\n</head>\n<body>\n");
            h.append("<div class=\"header\"><div class=\"logo\">")
                    .append(esc(site))
                    .append("</div>\n<ul class=\"nav\">");
            for (String item : List.of("首页", "政协要闻", "协商议政", "民主监督", "提案工作", "文史资料", "委员风采")) {
                h.append("<li><a href=\"#\">").append(esc(t(item))).append("</a></li>");
            }
            h.append("</ul></div>\n");
            if (plan.number() % 4 == 3) {
                return oldLayout(h, site, column, date, source);
            }
            h.append("<div class=\"location\">")
                    .append(esc(t("当前位置：")))
                    .append("<a href=\"/\">")
                    .append(esc(t("首页")))
                    .append("</a> &gt; <a href=\"#\">")
                    .append(esc(column))
                    .append("</a> &gt; ")
                    .append(esc(t("正文")))
                    .append("</div>\n");
            h.append("<div class=\"main\">\n<div class=\"article\">\n<h1>")
                    .append(esc(text.title()))
                    .append("</h1>\n");
            h.append("<div class=\"info\">")
                    .append(esc(t("来源：" + strip(source) + "　发布时间：")))
                    .append(date)
                    .append(esc(t("　阅读量：")))
                    .append(50 + rnd.nextInt(5000))
                    .append("</div>\n");
            h.append("<div class=\"content\" id=\"zoom\">\n");
            for (String line : text.lines()) {
                h.append("<p>")
                        .append(line.length() > 30 ? "&nbsp;&nbsp;" : "")
                        .append(esc(line))
                        .append("</p>\n");
            }
            h.append("</div>\n<div class=\"editor\">")
                    .append(esc(t("编辑：" + person() + "　责编：" + person() + "　审核：" + person())))
                    .append("</div>\n");
            h.append("<div class=\"prevnext\"><p>")
                    .append(esc(t("上一篇：")))
                    .append("<a href=\"#\">")
                    .append(esc(t(shortPlace + "政协召开主席会议")))
                    .append("</a></p><p>")
                    .append(esc(t("下一篇：")))
                    .append("<a href=\"#\">")
                    .append(esc(t(shortPlace + "政协机关开展志愿服务活动")))
                    .append("</a></p></div>\n");
            h.append("</div>\n<div class=\"sidebar\"><h3>")
                    .append(esc(t("热点推荐")))
                    .append("</h3><ul>")
                    .append("<li><a href=\"#\">")
                    .append(esc(t("委员风采：扎根基层的履职故事")))
                    .append("</a></li>")
                    .append("<li><a href=\"#\">")
                    .append(esc(t("图说政协：一周要闻回顾")))
                    .append("</a></li></ul></div>\n</div>\n");
            h.append("<div class=\"share\">").append(esc(t("分享到：微信 微博 QQ空间"))).append("</div>\n");
            footer(h, shortPlace);
            return h.append("</body>\n</html>\n").toString();
        }

        /** A table layout with {@code <br>}-separated paragraphs, as older GBK sites have. */
        private String oldLayout(StringBuilder h, String site, String column, String date, String source) {
            h.append("<table width=\"960\" align=\"center\"><tr><td class=\"position\">")
                    .append(esc(t("您当前的位置：首页 > " + column + " > 正文")))
                    .append("</td></tr></table>\n");
            h.append("<table width=\"960\" align=\"center\"><tr><td class=\"left\" width=\"700\">\n");
            h.append("<div class=\"title\"><b>").append(esc(text.title())).append("</b></div>\n");
            h.append("<div class=\"time\">")
                    .append(esc(t("日期：" + date.substring(0, 10) + "　来源：" + strip(source) + "　点击数："
                            + (10 + rnd.nextInt(900)))))
                    .append("</div>\n");
            h.append("<div class=\"text\">\n");
            for (String line : text.lines()) {
                h.append("&nbsp;&nbsp;&nbsp;&nbsp;").append(esc(line)).append("<br>\n");
            }
            h.append("</div>\n<div class=\"bianji\">")
                    .append(esc(t("【责任编辑：" + person() + "】")))
                    .append("</div>\n");
            h.append("<div class=\"updown\">")
                    .append(esc(t("上一条：政协委员风采展示")))
                    .append("<br>")
                    .append(esc(t("下一条：政协召开学习会")))
                    .append("</div>\n");
            h.append("</td><td class=\"right\" width=\"260\">")
                    .append(esc(t("【打印本页】【关闭窗口】")))
                    .append("</td></tr></table>\n");
            footer(h, shortName(plan.place()));
            return h.append("</body>\n</html>\n").toString();
        }

        private void footer(StringBuilder h, String shortPlace) {
            h.append("<div class=\"footer\"><p>")
                    .append(esc(t("版权所有：政协" + plan.place().name() + "委员会办公室　地址："
                            + plan.city().name() + "人民路" + (1 + rnd.nextInt(300)) + "号")))
                    .append("</p><p>")
                    .append(esc(t("网站标识码：示例" + (1000 + rnd.nextInt(9000)) + "　技术支持：" + shortPlace + "政协信息中心")))
                    .append("</p></div>\n");
        }

        private String person() {
            return SampleTexts.SURNAMES.get(rnd.nextInt(SampleTexts.SURNAMES.size()))
                    + SampleTexts.GIVEN.get(rnd.nextInt(SampleTexts.GIVEN.size()));
        }

        private static String strip(String s) {
            return s.replace("门户网站", "");
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }
    }
}
