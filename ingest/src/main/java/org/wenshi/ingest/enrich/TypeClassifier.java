package org.wenshi.ingest.enrich;

import java.util.regex.Pattern;

/**
 * The genre of a document ({@code type}) by simple rules on its simplified title and first lines:
 * 工作报告, 提案, 社情民意, 回忆录, 文史资料, 新闻报道, else 其他. A first cut that a later issue may
 * replace with a trained classifier; it never reads more than the opening of the text.
 */
public final class TypeClassifier {
    public static final String WORK_REPORT = "工作报告";
    public static final String PROPOSAL = "提案";
    public static final String PUBLIC_OPINION = "社情民意";
    public static final String MEMOIR = "回忆录";
    public static final String HISTORY = "文史资料";
    public static final String NEWS = "新闻报道";
    public static final String OTHER = "其他";

    private static final int OPENING = 600;
    private static final Pattern REPORT_TITLE = Pattern.compile(".*(工作报告|报告摘编|工作报告（摘要）|常委会工作报告).*");
    private static final Pattern PROPOSAL_TITLE = Pattern.compile(".*(提案|^关于.{2,60}的建议$).*");
    private static final Pattern PROPOSAL_OPENING = Pattern.compile("(?s).*(提案号|案由[:：]|提案人[:：]).*");
    private static final Pattern OPINION = Pattern.compile("(?s).*社情民意.*");
    private static final Pattern MEMOIR_MARKERS = Pattern.compile("(?s).*(回忆|追忆|忆述|口述|亲历|往事|忆|怀念).*");
    private static final Pattern SERIES = Pattern.compile("(?s).*《[^》]{1,20}(文史资料|文史|史料|记忆|往事)[^》]{0,10}》.*");
    private static final Pattern HISTORY_TITLE = Pattern.compile(".*(纪要|纪实|概况|史话|旧事|史略|沿革|始末).*");
    private static final Pattern NEWS_MARKERS = Pattern.compile("(?s).*(本报讯|记者|通讯员|讯（|讯\\(|新华社|日电).*");
    private static final Pattern NEWS_TITLE = Pattern.compile(".*(召开|举行|开展|调研|视察|座谈|会议|会商|启动|举办|走进|深入|聚焦|助力|出席).*");

    /**
     * @param title simplified title
     * @param text simplified text
     * @param labelledSource true when the source stated a 来源 or a publication line (web pages do)
     */
    public String classify(String title, String text, boolean labelledSource) {
        String opening = text.length() > OPENING ? text.substring(0, OPENING) : text;
        if (REPORT_TITLE.matcher(title).matches()) {
            return WORK_REPORT;
        }
        if (PROPOSAL_TITLE.matcher(title).matches()
                || PROPOSAL_OPENING.matcher(opening).matches()) {
            return PROPOSAL;
        }
        if (OPINION.matcher(title).matches() || OPINION.matcher(opening).matches()) {
            return PUBLIC_OPINION;
        }
        if (MEMOIR_MARKERS.matcher(title).matches() || opening.contains("口述")) {
            return MEMOIR;
        }
        if (SERIES.matcher(opening).matches()
                || title.contains("文史")
                || opening.contains("文史资料") && HISTORY_TITLE.matcher(title).matches()) {
            return HISTORY;
        }
        if (NEWS_MARKERS.matcher(opening).matches()
                || labelledSource && NEWS_TITLE.matcher(title).matches()) {
            return NEWS;
        }
        return OTHER;
    }
}
