package org.wenshi.portal.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.schema.Fields;

/**
 * Documents beside {@link org.wenshi.portal.Fixtures} for the search features the shared fixtures
 * lack: a scanned 文史资料 article with pages, people and the years it is about, and two reprints of
 * it in the same duplicate group (hidden from results, counted on the original).
 */
public final class ScanFixtures {
    public static final String SCAN = "scan-huaihai";
    public static final String REPRINT_A = "scan-huaihai-reprint-a";
    public static final String REPRINT_B = "scan-huaihai-reprint-b";
    public static final String GROUP = "group-huaihai";
    public static final String TITLE = "南阳解放亲历记";
    public static final String PERSON = "李明德";

    private ScanFixtures() {}

    public static List<Map<String, Object>> documents() {
        return List.of(scan(SCAN, true), scan(REPRINT_A, false), scan(REPRINT_B, false));
    }

    private static Map<String, Object> scan(String id, boolean canonical) {
        String page1 = "一九四七年冬，南阳城内人心浮动，作者在中学读书。";
        String page2 = "次年春天，作者随担架队北上，亲眼看到淮海战役前线的运输景象。";
        String page3 = "淮海战役结束后，担架队返回南阳，李明德回到学校继续读书。";
        String text = page1 + "\n" + page2 + "\n" + page3;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Fields.ID, id);
        doc.put(Fields.TITLE, TITLE);
        doc.put(Fields.TEXT, text);
        doc.put(Fields.DATE, "1986");
        doc.put(Fields.YEAR, 1986);
        doc.put(Fields.YEARS_COVERED, List.of(1947, 1948, 1949));
        doc.put(Fields.PROVINCE, "河南省");
        doc.put(Fields.CITY, "南阳市");
        doc.put(Fields.TYPE, "回忆录");
        doc.put(Fields.SOURCE, "南阳文史资料");
        doc.put(Fields.URL, "file:///data/nanyang/scan-" + id + ".pdf");
        doc.put(Fields.THEMES, List.of("文史资料"));
        doc.put(Fields.PEOPLE, List.of(Map.of("name", PERSON, "role", "口述")));
        int p2 = page1.length() + 1;
        int p3 = p2 + page2.length() + 1;
        doc.put(Fields.PAGES, List.of(page(1, page1, 0), page(2, page2, p2), page(3, page3, p3)));
        doc.put(Fields.PAGE_COUNT, 3);
        doc.put(Fields.DUPLICATE_GROUP, GROUP);
        doc.put(Fields.CANONICAL, canonical);
        if (canonical) {
            doc.put(Fields.REPRINTS, 2); // as ingest counts them: REPRINT_A and REPRINT_B
        }
        doc.put(Fields.SUGGEST, List.of(TITLE));
        return doc;
    }

    private static Map<String, Object> page(int n, String text, int start) {
        return Map.of("n", n, "text", text, "start_offset", start, "end_offset", start + text.length());
    }
}
