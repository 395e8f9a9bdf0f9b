package org.wenshi.portal.trends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.schema.Fields;

/**
 * Documents written for the trends tests, in the style of the archive: for each of three cities in
 * two provinces and each year 2018–2023 a different number of documents of four kinds (a 河长制 and
 * 生态 report in simplified script, the same topic in traditional script, a 乡村振兴 inspection, a
 * 文史资料 note), so that every count differs by year and place; reprints of some, which no count
 * may include; documents without a year; and work reports carrying key figures.
 */
final class TrendFixtures {
    static final int FIRST_YEAR = 2018;
    static final int LAST_YEAR = 2023;

    record City(String province, String city) {}

    static final List<City> CITIES = List.of(new City("河南省", "郑州市"), new City("河南省", "南阳市"), new City("四川省", "巴中市"));

    static final String RIVER_SIMPLIFIED = "市政协围绕河长制落实情况开展专题协商，委员们建议加强流域生态保护，明确各级责任。";
    static final String RIVER_TRADITIONAL = "市政協圍繞河長制落實情況組織委員視察，提出生態補償機制的建議。";
    static final String VILLAGES = "委员们走进乡村振兴示范村，听取特色产业发展情况汇报，建议完善利益联结机制。";
    static final String HISTORY = "文史资料委员会征集老同志的亲历回忆，整理抗战时期地方史料，编印专辑。";

    private TrendFixtures() {}

    static List<Map<String, Object>> documents() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int c = 0; c < CITIES.size(); c++) {
            City city = CITIES.get(c);
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int k = year - FIRST_YEAR;
                // a different mix in every city and year
                add(docs, city, year, "river", RIVER_SIMPLIFIED, List.of("生态文明"), (k + c) % 4 + 1);
                add(docs, city, year, "river-tc", RIVER_TRADITIONAL, List.of("生态文明"), (k * c) % 3);
                add(docs, city, year, "villages", VILLAGES, List.of("乡村振兴"), (k + 2 * c) % 5);
                add(docs, city, year, "history", HISTORY, List.of("文史资料"), 2 + (k + c) % 3);
            }
            // reprints of a river report: they must never be counted
            for (int r = 0; r < 3; r++) {
                Map<String, Object> reprint =
                        doc(city.city() + "-reprint-" + r, city, 2021, "转载：" + RIVER_SIMPLIFIED, List.of("生态文明"));
                reprint.put(Fields.CANONICAL, false);
                reprint.put(Fields.DUPLICATE_OF, city.city() + "-river-2021-0");
                docs.add(reprint);
            }
            // undated: counted by place, not by year
            Map<String, Object> undated = doc(city.city() + "-undated", city, null, RIVER_SIMPLIFIED, List.of("生态文明"));
            docs.add(undated);
        }
        docs.addAll(workReports());
        return docs;
    }

    private static void add(
            List<Map<String, Object>> docs, City city, int year, String kind, String text, List<String> themes, int n) {
        for (int i = 0; i < n; i++) {
            docs.add(doc(city.city() + "-" + kind + "-" + year + "-" + i, city, year, text, themes));
        }
    }

    /**
     * Work reports with their key figures as ingest stores them: 郑州市 files 提案立案 figures for two
     * years, 南阳市 says 立案提案 (the same metric, words swapped) and also counts 提案 received (another
     * metric), and a later news item repeats 郑州市's 2022 figure.
     */
    static List<Map<String, Object>> workReports() {
        City zhengzhou = CITIES.get(0);
        City nanyang = CITIES.get(1);
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(report(
                "zz-report-2023",
                zhengzhou,
                2024,
                "2024-01-08",
                List.of(figure("提案立案", 702, "件", 2023, "郑州市", "过去一年，委员提交提案，经审查提案立案702件。"))));
        docs.add(report(
                "zz-report-2022",
                zhengzhou,
                2023,
                "2023-01-10",
                List.of(
                        figure("提案立案", 615, "件", 2022, "郑州市", "一年来，全市政协委员提案立案615件，办复率百分之百。"),
                        figure("社情民意信息", 1204, "篇", 2022, "郑州市", "报送社情民意信息1204篇。"))));
        docs.add(report(
                "zz-news-2022",
                zhengzhou,
                2023,
                "2023-02-01",
                List.of(figure("提案立案", 615, "件", 2022, "郑州市", "据介绍，郑州市政协去年提案立案615件。"))));
        docs.add(report(
                "ny-report-2023",
                nanyang,
                2024,
                "2024-01-15",
                List.of(
                        figure("立案提案", 388, "件", 2023, "南阳市", "全年共收到提案430件，立案提案388件。"),
                        figure("提案", 430, "件", 2023, "南阳市", "全年共收到提案430件，立案提案388件。"))));
        return docs;
    }

    private static Map<String, Object> report(
            String id, City city, int year, String date, List<Map<String, Object>> figures) {
        Map<String, Object> d = doc(
                id,
                city,
                year,
                String.join(
                        "",
                        figures.stream().map(f -> (String) f.get("sentence")).toList()),
                List.of("协商议政"));
        d.put(Fields.TITLE, city.city() + "政协常务委员会工作报告");
        d.put(Fields.DATE, date);
        d.put(Fields.TYPE, "工作报告");
        d.put(Fields.KEY_FIGURES, figures);
        return d;
    }

    private static Map<String, Object> figure(
            String metric, double value, String unit, int year, String place, String sentence) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("metric", metric);
        f.put("value", value);
        f.put("unit", unit);
        f.put("approximate", false);
        f.put("year", year);
        f.put("place", place);
        f.put("sentence", sentence);
        return f;
    }

    private static Map<String, Object> doc(String id, City city, Integer year, String text, List<String> themes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Fields.ID, id);
        doc.put(Fields.TITLE, city.city() + "政协" + (year == null ? "" : year + "年") + "履职纪实");
        doc.put(Fields.TEXT, text);
        if (year != null) {
            doc.put(Fields.YEAR, year);
            doc.put(Fields.DATE, year + "-06-01");
        }
        doc.put(Fields.PROVINCE, city.province());
        doc.put(Fields.CITY, city.city());
        doc.put(Fields.TYPE, "文史资料");
        doc.put(Fields.URL, "https://www.example.cn/trends/" + id + ".html");
        doc.put(Fields.THEMES, themes);
        doc.put(Fields.CANONICAL, true);
        return doc;
    }
}
