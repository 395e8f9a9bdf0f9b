package org.wenshi.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wenshi.schema.Fields;

/**
 * Fixture documents written for these tests, in the style of the archive. Facet values are chosen
 * so that counts are known exactly: 巴中市 2, 南阳市 2, 郑州市 2; 提案 3 (巴中, 南阳, 郑州),
 * 工作报告 1, 文史资料 3.
 */
public final class Fixtures {
    public static final String BAZHONG_PROPOSAL = "bz-proposal";
    public static final String BAZHONG_REPORT = "bz-report";
    public static final String NANYANG_PROPOSAL = "ny-proposal";
    public static final String NANYANG_WENSHI = "ny-wenshi";
    public static final String ZHENGZHOU_SIMPLIFIED = "zz-simplified";
    public static final String ZHENGZHOU_TRADITIONAL = "zz-traditional";
    public static final String SCATTERED = "scattered";
    public static final String HALF_WIDTH = "half-width";
    public static final String SCRIPT = "script";

    private Fixtures() {}

    public static List<Map<String, Object>> documents() {
        return List.of(
                doc(
                        BAZHONG_PROPOSAL,
                        "政协巴中市委员会关于加强文史资料征集的提案",
                        "政协巴中市委员会文史资料委员会提出提案，建议加强三亲史料征集工作，抢救老同志的口述回忆。",
                        "2023-03-01",
                        2023,
                        "四川省",
                        "巴中市",
                        "南江县",
                        "提案",
                        "巴中政协网",
                        "https://www.example.cn/bazhong/proposal-12.html",
                        List.of("文史资料", "协商议政")),
                doc(
                        BAZHONG_REPORT,
                        "巴中市政协常务委员会工作报告",
                        "过去一年，市政协围绕中心工作开展协商议政，全年提案立案312件，办结率100%。",
                        "2024-01-20",
                        2024,
                        "四川省",
                        "巴中市",
                        null,
                        "工作报告",
                        "巴中日报",
                        "https://www.example.cn/bazhong/report-2024.html",
                        List.of("协商议政")),
                doc(
                        NANYANG_PROPOSAL,
                        "关于保护南阳古城历史街区的提案",
                        "政协南阳市委员会委员联名提出提案，建议保护古城历史街区，整理相关文史资料。",
                        "2022-06-15",
                        2022,
                        "河南省",
                        "南阳市",
                        null,
                        "提案",
                        "南阳政协网",
                        "https://www.example.cn/nanyang/proposal-7.html",
                        List.of("文化遗产")),
                doc(
                        NANYANG_WENSHI,
                        "南阳文史资料第三辑",
                        "本辑收录亲历者回忆南阳解放前后的史料，由政协南阳市委员会文史资料委员会编印。",
                        "1987",
                        1987,
                        "河南省",
                        "南阳市",
                        null,
                        "文史资料",
                        "南阳文史资料",
                        "file:///data/nanyang/v3.pdf",
                        List.of("文史资料")),
                doc(
                        ZHENGZHOU_SIMPLIFIED,
                        "政协郑州市委员会召开协商会议",
                        "政协郑州市委员会围绕城市更新开展专题协商，委员们表示有事好商量，众人的事情由众人商量。",
                        "2021-09-10",
                        2021,
                        "河南省",
                        "郑州市",
                        null,
                        "提案",
                        "郑州政协网",
                        "https://www.example.cn/zhengzhou/meeting.html",
                        List.of("协商议政")),
                doc(
                        ZHENGZHOU_TRADITIONAL,
                        "政協鄭州市委員會籌備舊事",
                        "此文記述政協鄭州市委員會籌備經過，當年委員們奔走聯絡，留下許多史料。",
                        "1955",
                        1955,
                        "河南省",
                        "郑州市",
                        null,
                        "文史资料",
                        "鄭州文史",
                        "https://www.example.cn/zhengzhou/history.html",
                        List.of("文史资料")),
                doc(
                        SCATTERED,
                        "议事杂记",
                        "有人说事情好办，也有人说要商量，大家好好商议以后再定。",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "文史资料",
                        null,
                        "file:///data/misc/notes.txt",
                        List.of()),
                doc(
                        HALF_WIDTH,
                        "档案编号说明",
                        "档案编号ABC123，存于市政协文史馆，供研究者查阅。",
                        "2020-01-01",
                        2020,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "file:///data/misc/abc.txt",
                        List.of()),
                doc(
                        SCRIPT,
                        "关于<b>文史</b>资料出版的说明",
                        "<script>alert('wenshi')</script> 政协委员谈文史资料的整理与出版，强调 script 标签不得执行。",
                        "2019-05-04",
                        2019,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "https://www.example.cn/xss.html",
                        List.of()));
    }

    private static Map<String, Object> doc(
            String id,
            String title,
            String text,
            String date,
            Integer year,
            String province,
            String city,
            String county,
            String type,
            String source,
            String url,
            List<String> themes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(Fields.ID, id);
        doc.put(Fields.TITLE, title);
        doc.put(Fields.TEXT, text);
        putIfPresent(doc, Fields.DATE, date);
        putIfPresent(doc, Fields.YEAR, year);
        putIfPresent(doc, Fields.PROVINCE, province);
        putIfPresent(doc, Fields.CITY, city);
        putIfPresent(doc, Fields.COUNTY, county);
        putIfPresent(doc, Fields.TYPE, type);
        putIfPresent(doc, Fields.SOURCE, source);
        doc.put(Fields.URL, url);
        doc.put(Fields.THEMES, themes);
        return doc;
    }

    private static void putIfPresent(Map<String, Object> doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }
}
