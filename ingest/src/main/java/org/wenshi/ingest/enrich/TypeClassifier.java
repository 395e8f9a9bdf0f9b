package org.wenshi.ingest.enrich;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The genre of a document ({@code type}) by ordered rules on its simplified title and opening: notices
 * and circulars (其他), 会议纪要, 社情民意, 报告解读, 工作报告, 提案, 综述, 署名文章 (a role-and-name
 * line under the title), then memoirs (口述, a memoir title, or an author writing in the first person
 * about the past), 文史资料 (a 文史 series, historical subjects), news (bylines, 本报讯, a dated page
 * or an activity headline), else 其他. The rules are measured on the evaluation set (docs/quality.md).
 * It never reads more than the opening of the text.
 */
public final class TypeClassifier {
    public static final String WORK_REPORT = "工作报告";
    public static final String REPORT_READING = "报告解读";
    public static final String SUMMARY = "综述";
    public static final String SIGNED_ARTICLE = "署名文章";
    public static final String PROPOSAL = "提案";
    public static final String PUBLIC_OPINION = "社情民意";
    public static final String MEMOIR = "回忆录";
    public static final String HISTORY = "文史资料";
    public static final String MINUTES = "会议纪要";
    public static final String NEWS = "新闻报道";
    public static final String OTHER = "其他";

    private static final int OPENING = 600;
    private static final Pattern NOTICE_TITLE = Pattern.compile(".*(通知|通报|公告|决定|名单|简章|启事)$");
    private static final Pattern MINUTES_MARK = Pattern.compile("(?s).*(纪要|^会议时间[:：]|\\n会议时间[:：]|\\n会议纪要\\n?).*");
    private static final Pattern OPINION = Pattern.compile("(?s).*(社情民意信息[:：]|社情民意[:：]|反映人[:：]).*");
    private static final Pattern READING_TITLE = Pattern.compile(".*(解读|读懂|关键词|划重点).*");
    private static final Pattern REPORT_TITLE =
            Pattern.compile(".*(工作报告|报告摘编|报告（摘要）|工作总结|情况报告|常委会报告|报告摘要|年度报告)[^，。]{0,6}$|.*工作报告.*");
    private static final Pattern PROPOSAL_TITLE = Pattern.compile("(^关于.{2,60}的(提案|建议)$)|(.*的提案$)");
    private static final Pattern PROPOSAL_OPENING = Pattern.compile("(?s).*(提案号|案由[:：]|提案人[:：]|提案者[:：]|第\\d{3,5}号).*");
    private static final Pattern SUMMARY_TITLE = Pattern.compile(".*(综述|回眸|巡礼|工作纪实|成就扫描).*");
    private static final Pattern SIGNED_LINE =
            Pattern.compile("^[\\p{IsHan}、]{2,24}(主席|副主席|书记|秘书长|主任|委员|会长|县长|市长)\\s*(?!会)[\\p{IsHan}·]{2,6}$");
    private static final Pattern MEMOIR_TITLE = Pattern.compile(".*(回忆|追忆|忆述|亲历|往事|怀念|见闻|我所知道|我的|自述|纪念|记忆中|忆).*");
    private static final Pattern FIRST_PERSON = Pattern.compile("我|家父|先父|祖父|父亲|母亲|亲眼");
    private static final Pattern AUTHOR_LINE = Pattern.compile("^[\\p{IsHan}·]{2,4}$|.*(口述|整理|撰文)\\s*$");
    private static final Pattern OLD_TIMES = Pattern.compile("民国|清末|抗战|解放前|旧社会|19[0-7]\\d年|一九[〇零一二三四五六七]");
    private static final Pattern SERIES = Pattern.compile("(?s).*《[^》]{1,20}(文史资料|文史|史料|记忆|往事|春秋)[^》]{0,10}》.*");
    private static final Pattern HISTORY_TITLE = Pattern.compile(".*(纪实|概况|史话|旧事|史略|沿革|始末|兴衰|变迁|故事|传承|旧址|历史).*");
    private static final Pattern NEWS_MARKERS =
            Pattern.compile("(?s).*(本报讯|记者|通讯员|讯（|讯\\(|新华社|日电|日前|近日|\\d{1,2}日[，,上下]).*");
    private static final Pattern NEWS_TITLE = Pattern.compile(
            ".*(召开|举行|开展|调研|视察|座谈|会议|会商|启动|举办|走进|深入|聚焦|助力|出席|" + "开幕|闭幕|开班|编纂|出版|征集|推动|建议|协商会|交流营|开展|评议|监督|提质|增效).*");

    /**
     * @param title simplified title
     * @param text simplified text
     * @param labelledSource true when the source stated a 来源 or a publication line (web pages do)
     */
    public String classify(String title, String text, boolean labelledSource) {
        String opening = text.length() > OPENING ? text.substring(0, OPENING) : text;
        String[] lines = opening.split("\n");
        if (lines.length > 0 && lines[0].strip().equals(title.strip())) {
            lines = Arrays.copyOfRange(lines, 1, lines.length);
        }
        if (NOTICE_TITLE.matcher(title).matches()) {
            return OTHER;
        }
        if (MINUTES_MARK.matcher(title).matches()
                || MINUTES_MARK.matcher("\n" + text).matches() && !newsLike(title, opening, labelledSource)) {
            return MINUTES;
        }
        if (title.contains("社情民意") && !REPORT_TITLE.matcher(title).matches()
                || OPINION.matcher(opening).matches()) {
            return PUBLIC_OPINION;
        }
        if (REPORT_TITLE.matcher(title).matches()
                || READING_TITLE.matcher(title).matches()) {
            return READING_TITLE.matcher(title).matches() || readsAReport(title, lines) ? REPORT_READING : WORK_REPORT;
        }
        if (readsAReport(title, lines)) {
            return REPORT_READING;
        }
        if (PROPOSAL_TITLE.matcher(title).matches()
                || PROPOSAL_OPENING.matcher(opening).matches()) {
            return PROPOSAL;
        }
        if (SUMMARY_TITLE.matcher(title).matches()) {
            return SUMMARY;
        }
        if (signed(lines)) {
            return SIGNED_ARTICLE;
        }
        if (memoir(title, lines, opening)) {
            return MEMOIR;
        }
        if (!newsLike(title, opening, labelledSource)
                && (SERIES.matcher(text).matches()
                        || title.contains("文史")
                        || HISTORY_TITLE.matcher(title).matches()
                                && OLD_TIMES.matcher(opening).find())) {
            return HISTORY;
        }
        if (newsLike(title, opening, labelledSource)) {
            return NEWS;
        }
        return OTHER;
    }

    /** A news piece about a report: "——市政协常委会工作报告解读", or a lede on the session that heard it. */
    private static boolean readsAReport(String title, String[] lines) {
        return lines.length > 0 && lines[0].matches(".*(解读|报告解读).*") && !title.contains("报告解读");
    }

    private static boolean signed(String[] lines) {
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            if (SIGNED_LINE.matcher(lines[i].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean memoir(String title, String[] lines, String opening) {
        if (opening.contains("口述")) {
            return true;
        }
        boolean authorLine =
                lines.length > 0 && AUTHOR_LINE.matcher(lines[0].strip()).matches();
        Matcher firstPerson = FIRST_PERSON.matcher(opening);
        int mentions = 0;
        while (firstPerson.find()) {
            mentions++;
        }
        boolean old = OLD_TIMES.matcher(opening).find();
        if (MEMOIR_TITLE.matcher(title).matches() && (authorLine || mentions > 0)) {
            return true;
        }
        return authorLine && old && mentions >= 2;
    }

    private static boolean newsLike(String title, String opening, boolean labelledSource) {
        return NEWS_MARKERS.matcher(opening).matches()
                || NEWS_TITLE.matcher(title).matches()
                || labelledSource && title.contains("政协");
    }
}
