package org.wenshi.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, line by line, what of a web page's main block is not article text: boilerplate as a whole
 * line (上一篇/下一篇, copyright, disclaimers, share bars, breadcrumbs, hit counters, toolbars of
 * 打印/关闭, app banners, 相关热词), bylines (本报记者 XX 通讯员 YY, 文 XX, XX 口述 YY 整理) and the
 * headings that open the lists and comment areas after an article (相关新闻, 网友评论).
 *
 * <p>It never removes a sentence: every rule applies to short lines only, and a line that holds
 * sentence punctuation is kept unless a whole-line pattern (a disclaimer, a copyright notice) says
 * otherwise.
 */
final class WebPageLines {
    private static final int BOILERPLATE_MAX = 160;
    private static final int NOT_A_SENTENCE_MAX = 80;
    private static final int BYLINE_MAX = 48;

    /** Lines that are boilerplate as a whole, whatever they hold after the opening words. */
    private static final List<Pattern> WHOLE_LINE = List.of(
            Pattern.compile("^[【\\[]?\\s*(上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)(文章|新闻|信息)?\\s*[:：】\\]]?.*"),
            Pattern.compile(
                    "^[（(【\\[]?\\s*(版权所有|版权声明|版权归|Copyright|©|主办单位|承办单位|技术支持|网站地图|网站标识码|备案号|"
                            + "免责声明|本站声明|本文声明|特别声明|互联网新闻信息服务许可证)\\s*[:：]?.*",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^[（(【\\[]?\\s*(主办|承办|协办|声明|地址|原标题|投稿邮箱|联系邮箱|联系电话|电话|邮编)\\s*[:：].*"),
            Pattern.compile(".*(版权所有|版权归).{0,40}(未经|不得|禁止).*"),
            Pattern.compile("^(首页|网站首页|当前位置|您当前的位置|您现在的位置|您的位置|当前所在位置|所在位置|位置)\\s*[:：>»›＞].*"),
            Pattern.compile(".*[>＞›»]\\s*(正文|详情|内容|详细内容|阅读文章)\\s*$"),
            Pattern.compile("^(分享到|打印本页|关闭窗口|扫一扫|收藏本页|相关热词搜索|打开APP|打开客户端|下载客户端|【字体|【责任编辑|" + "转载请注明|（图片来源|\\(图片来源).*"),
            Pattern.compile("^(分享|相关热词|热词|相关标签|标签|关键词|关键字|字体|字号|本文来源|图片来源|文章来源|责任编辑)\\s*[:：].{0,60}"),
            Pattern.compile("^(登录|注册|搜索|English|无障碍|无障碍浏览|长者模式|繁體|繁体|简体)(\\s*[|丨/]\\s*\\S+)*$"),
            Pattern.compile("^(本文|本稿|此文|该文)?(为|系)?\\S{0,20}(原创|独家)(稿件|文章|内容)?[，,。]?\\s*(未经|非经).{0,30}(转载|使用|复制).*"),
            Pattern.compile(".{0,40}(未经|非经).{0,12}(许可|授权|同意).{0,30}(转载|镜像).*"),
            Pattern.compile("^(本文|全文)?共\\s*\\d+\\s*页.{0,40}"));

    /** Calls to follow, download or "like" that publishers put into the article block (short lines only). */
    private static final List<Pattern> PROMPTS = List.of(
            Pattern.compile(
                    ".{0,24}(关注|订阅|下载|扫码|扫描|识别|长按).{0,16}(公众号|客户端|APP|微信号|二维码|视频号|抖音号|小程序).{0,12}",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(点击|点)?(上方|下方|蓝字|标题下).{0,10}关注.{0,10}"),
            Pattern.compile(".{0,6}(点个?|点一下)\\s*[“\"]?(在看|赞|好看)[”\"]?.{0,12}"),
            Pattern.compile("^[【\\[]?(广告|推广|赞助)[】\\]]?$"),
            Pattern.compile("^点击(进入|查看|阅读).{0,20}"));

    private static final int PROMPT_MAX = 60;

    /** Words that make a short line that is not a sentence boilerplate, wherever they stand in it. */
    private static final Pattern WORDS = Pattern.compile(
            ".*(版权所有|Copyright|©|All Rights Reserved|ICP备|ICP证|公网安备|网站标识码|技术支持|主办单位|承办单位|"
                    + "分享到|打印本页|关闭窗口|责任编辑|最佳浏览|分辨率|浏览器).*",
            Pattern.CASE_INSENSITIVE);

    /** Words of toolbars, pagers and counters: a line made only of these (and numbers) is boilerplate. */
    private static final Set<String> UI_WORDS = Set.of(
            "打印", "打印此文", "打印本文", "打印本页", "关闭", "关闭窗口", "关闭本页", "纠错", "我要纠错", "返回", "返回顶部", "顶部", "回到顶部", "返回首页",
            "返回列表", "首页", "收藏", "加入收藏", "收藏本页", "分享", "转发", "点赞", "赞", "评论", "阅读", "浏览", "点击", "浏览次数", "阅读量", "阅读数",
            "点击数", "点击量", "次", "人", "次阅读", "人阅读", "已阅读", "字号", "字体", "大", "中", "小", "默认", "上一页", "下一页", "尾页", "末页",
            "全文", "展开全文", "阅读全文", "查看全文", "展开", "收起", "微信", "微博", "QQ", "QQ空间", "空间", "朋友圈", "复制链接", "第页", "共页", "本文共页",
            "页", "在看", "广告", "二维码", "手机版", "手机", "APP", "立即打开", "打开", "更多", "更多>>", "更多>", "T", "A", "+", "-", "发表评论",
            "我要评论", "回复", "举报", "推荐", "相关", "RSS", "订阅", "视力保护色", "背景色", "杏仁黄", "秋叶褐");

    private static final Pattern UI_SPLIT = Pattern.compile("[\\s|｜丨/·•●◆【】\\[\\]()（）:：,，、<>«»＞›]+");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?[万千wk]?\\+?");
    private static final Pattern COUNTED = Pattern.compile("[条次人篇]$");

    /** Headings after which a main block holds lists, comments or recommendations, not the article. */
    private static final Pattern END_OF_ARTICLE =
            Pattern.compile("^[【\\[]?\\s*(相关新闻|相关阅读|相关文章|相关链接|相关报道|相关稿件|推荐阅读|热点推荐|热门推荐|热门文章|热门排行|猜你喜欢|为你推荐|往期推荐|往期回顾|"
                    + "精彩推荐|延伸阅读|网友评论|发表评论|我要评论|最新评论|热门评论|全部评论|评论|留言|网友留言)"
                    + "\\s*[】\\]]?\\s*(\\S{0,3}[（(]?\\s*(共\\s*)?\\d+\\s*条?\\s*[)）]?)?\\s*[:：]?\\s*$");

    private static final Pattern ROLE = Pattern.compile("^(?:[■●◆▲★□]\\s*)?(?:本报|本台|本网|本刊)?(?:特约|实习)?(?:记者|通讯员|实习生)"
            + "|^(?:作者|撰文|撰稿|执笔|口述|讲述|整理|采写|摄影|摄|图|文|文图|文/图|文／图|图/文|图／文)$");
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}·]{2,4}");
    private static final Pattern BRACKETS = Pattern.compile("^[（(【\\[]\\s*|\\s*[）)】\\]]$");
    private static final Pattern ROLE_SEPARATOR =
            Pattern.compile("(?<=记者|通讯员|实习生|作者|撰文|撰稿|口述|整理|摄影|文|图)\\s*[:：/／|]\\s*");
    private static final Pattern REPORTER_BEFORE_NAME =
            Pattern.compile("(本报|本台|本网|本刊)?(特约|实习)?(记者|通讯员|实习生)(?=\\p{IsHan})");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("[\\s、，,]+");
    private static final Set<String> NOT_NAMES = Set.of("本报", "本网", "本站", "本刊", "编辑部", "通讯员", "记者", "报道", "供稿", "佚名");

    private WebPageLines() {}

    /** True when {@code original} is boilerplate as a whole line. */
    static boolean isBoilerplate(String original) {
        if (original.length() > BOILERPLATE_MAX) {
            return false;
        }
        String line = ChineseScript.toSimplified(original);
        if (LabelledLines.isLabelLine(line)) {
            return true;
        }
        for (Pattern p : WHOLE_LINE) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        if (line.length() <= NOT_A_SENTENCE_MAX
                && line.indexOf('。') < 0
                && WORDS.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= PROMPT_MAX && line.indexOf('。') < 0) {
            for (Pattern p : PROMPTS) {
                if (p.matcher(line).matches()) {
                    return true;
                }
            }
        }
        return isToolbar(line) || isEndOfArticle(original);
    }

    /** A line made only of toolbar, pager and counter words and numbers ("点赞 56 · 收藏 · 阅读 2.1万"). */
    static boolean isToolbar(String simplified) {
        if (simplified.length() > NOT_A_SENTENCE_MAX) {
            return false;
        }
        boolean any = false;
        for (String token : UI_SPLIT.split(simplified)) {
            if (token.isEmpty()) {
                continue;
            }
            String word = COUNTED.matcher(NUMBER.matcher(token).replaceAll("")).replaceAll("");
            if (!word.isEmpty() && !UI_WORDS.contains(word) && !UI_WORDS.contains(token)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** A heading that opens what follows an article: related news, recommendations, comments. */
    static boolean isEndOfArticle(String line) {
        return line.length() <= 24
                && END_OF_ARTICLE.matcher(ChineseScript.toSimplified(line)).matches();
    }

    /**
     * The names of a byline line ("本报记者 孔德明 通讯员 冯晓晴", "文 苏晓梅", "口述 罗承志 整理 宋明远",
     * "（记者 曹宁）"), or empty when the line is anything else.
     */
    static Optional<List<String>> byline(String original) {
        if (original.length() > BYLINE_MAX) {
            return Optional.empty();
        }
        String line = ChineseScript.toSimplified(original);
        line = BRACKETS.matcher(line).replaceAll("");
        line = ROLE_SEPARATOR.matcher(line).replaceAll(" ");
        line = REPORTER_BEFORE_NAME.matcher(line).replaceAll("$0 ").strip();
        String folded = ChineseScript.toSimplified(original);
        boolean sameLength = folded.length() == original.length();
        boolean role = false;
        List<String> names = new ArrayList<>();
        for (String token : NAME_SEPARATOR.split(line)) {
            if (token.isEmpty()) {
                continue;
            }
            if (ROLE.matcher(token).find()
                    && ROLE.matcher(token).replaceFirst("").isEmpty()) {
                role = true;
            } else if (NAME.matcher(token).matches() && !NOT_NAMES.contains(token)) {
                int at = folded.indexOf(token);
                names.add(sameLength && at >= 0 ? original.substring(at, at + token.length()) : token);
            } else {
                return Optional.empty();
            }
        }
        return role && !names.isEmpty() ? Optional.of(names) : Optional.empty();
    }
}
