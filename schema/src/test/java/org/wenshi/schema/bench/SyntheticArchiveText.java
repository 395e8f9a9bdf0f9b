package org.wenshi.schema.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Long Chinese text that reads roughly like a 文史资料 volume, generated deterministically from a
 * small vocabulary written for this benchmark, with the rare {@link #TARGET} planted at a few known
 * places. The same seed gives the same text on every machine, so two runs index the same bytes.
 *
 * <p>No character of {@link #TARGET} occurs in the vocabulary: every match of the benchmark's
 * queries is a planted one, so the highlighter's work is the same in both indices and known.
 */
final class SyntheticArchiveText {
    /** The phrase the benchmark searches for; a fictional place. */
    static final String TARGET = "鹤鸣砚斋";

    /** Where {@link #TARGET} is planted, as fractions of the length: beginning, middle, end. */
    static final double[] PLANTED_AT = {0.05, 0.5, 0.95};

    private static final List<String> WORDS = List.of(
            "政协", "委员会", "常务委员会", "文史资料", "文史资料委员会", "提案", "提案办理", "协商", "协商会议", "民主监督", "参政议政", "统一战线", "社情民意", "全体会议",
            "主席", "副主席", "秘书长", "委员", "界别", "调研", "报告", "征集", "编辑", "出版", "回忆", "史料", "口述", "档案", "工作", "会议", "讨论",
            "通过", "决议", "建议", "意见", "群众", "社会", "经济", "发展", "教育", "文化", "民族", "宗教", "侨务", "人民", "代表", "地方", "四川省",
            "巴中市", "南江县", "通江县", "平昌县", "郑州市", "河南省", "重庆市", "成都", "广元", "达州", "绵阳", "南充", "一九五六年", "一九八二年", "第三辑",
            "第十二辑", "同志", "先生", "老人", "当年", "时期", "抗日战争", "解放", "土地改革", "合作社", "学校", "医院", "工厂", "铁路", "公路", "水利", "农业",
            "手工业", "商会", "乡镇", "街道", "的", "了", "在", "和", "与", "对", "等", "是", "由", "为", "把", "进行", "开展", "加强", "组织",
            "召开", "参加", "记述", "整理", "说明");

    private static final String[] PAUSES = {"，", "，", "，", "、", "；", "："};

    static {
        for (String word : WORDS) {
            for (char c : TARGET.toCharArray()) {
                if (word.indexOf(c) >= 0) {
                    throw new IllegalStateException("vocabulary word " + word + " shares a character with " + TARGET);
                }
            }
        }
    }

    private SyntheticArchiveText() {}

    /**
     * About {@code chars} characters (a few more: the last sentence is finished) from {@code seed},
     * with {@link #TARGET} once at each of {@link #PLANTED_AT}.
     */
    static String generate(int chars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(chars + 64);
        int planted = 0;
        int sentencesInParagraph = 0;
        while (text.length() < chars) {
            int words = 6 + random.nextInt(14);
            for (int w = 0; w < words; w++) {
                if (planted < PLANTED_AT.length && text.length() >= (int) (chars * PLANTED_AT[planted])) {
                    text.append(TARGET);
                    planted++;
                } else {
                    text.append(WORDS.get(random.nextInt(WORDS.size())));
                }
                if (w < words - 1 && random.nextInt(5) == 0) {
                    text.append(PAUSES[random.nextInt(PAUSES.length)]);
                }
            }
            text.append(random.nextInt(8) == 0 ? "！" : "。");
            if (++sentencesInParagraph == 8) {
                text.append('\n');
                sentencesInParagraph = 0;
            }
        }
        return text.toString();
    }
}
