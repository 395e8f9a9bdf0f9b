package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Publication years of documents shaped like real ones (own wording; the shapes of real State
 * Council and committee work reports, work plans, news, reprinted 文史资料 and memoirs): most real
 * official documents carry their year in the title and no date line, which the date lines alone
 * never read (on 52 real State Council work reports, 6 were dated). Scored beside that baseline,
 * the enricher without the title, in the same run.
 */
class DatingAsReadTest {
    /** title | text (\n between lines) | historical | expected year or - | expected source or -. */
    static final String CASES = """
            2025年中华人民共和国国务院政府工作报告|各位代表：\\n现在，我代表国务院，向大会报告政府工作。\\n一、2024年工作回顾\\n过去一年，经济运行稳中有进。|false|2025|title
            2019年国务院政府工作报告|各位代表：\\n我代表国务院向大会报告工作，请予审议。\\n过去一年，我们顶住压力。|false|2019|title
            2016年政府工作报告|各位代表：\\n“十二五”时期（2011年至2015年）的成就来之不易。|false|2016|title
            政协郑州市委员会常务委员会工作报告|各位委员：\\n一年来，市政协围绕中心工作履职尽责。\\n（2024年1月8日在政协郑州市第十五届委员会第三次会议上）|false|2024|date_line
            中国人民政治协商会议巴中市委员会二〇二三年工作要点|一、总体要求\\n坚持团结和民主两大主题。|false|2023|title
            二零二二年南阳市政协提案工作情况通报|各位委员：\\n本年度共收到提案三百余件。|false|2022|title
            政协绵阳市委员会关于2021年度提案办理情况的报告|各位委员：\\n现将提案办理情况报告如下。|false|2021|title
            关于加强文史资料征集工作的意见|各县（区）政协：\\n为做好文史资料征集工作，提出如下意见。\\n政协开封市委员会办公室\\n二〇二四年三月十二日|false|2024|date_line
            市政协召开专题协商会|发布时间：2023-06-14 09:30\\n本报讯 6月13日，市政协召开专题协商会。|false|2023|date_line
            委员视察乡村振兴示范点|2月7日上午，市政协组织委员视察。2024年，全市将继续推进乡村振兴。|false|2024|lede
            纪念1949年新政协召开七十五周年座谈会举行|座谈会上，老同志回顾了人民政协的光辉历程。\\n2024年9月21日|false|2024|date_line
            自1978年以来城市面貌的变迁|委员们回顾了改革开放以来的城市建设。|false|-|-
            一九三八年的武汉|那年秋天，我随学校撤离武汉，沿江西上。\\n（原载《武汉文史资料》1985年第2期）|true|1985|series_line
            忆民国二十六年的南阳|民国二十六年七月，日军进犯华北，南阳各界组织募捐。|true|-|-
            抗战时期的巴中中学|1938年，学校迁入城郊。\\n选自《巴中文史资料》第五辑，一九八七年十月|true|1987|series_line
            光绪年间的开封书院|书院始建于光绪二十年，延请名师讲学。|true|-|-
            二〇二三年度政协工作总结|一年来，我们围绕中心、服务大局。|false|2023|title
            政协南江县委员会2024年工作报告|各位委员：\\n我受政协南江县第九届委员会常务委员会委托，向大会报告工作。|false|2024|title
            """;

    @Test
    void titlesDateOfficialDocumentsAndNothingElseChanges() {
        DateEnricher dates = new DateEnricher();
        int right = 0;
        int baselineRight = 0;
        int cases = 0;
        List<String> misses = new ArrayList<>();
        for (String line : CASES.strip().split("\n")) {
            String[] f = line.split("\\|");
            String title = f[0];
            String text = f[1].replace("\\n", "\n");
            boolean historical = Boolean.parseBoolean(f[2]);
            Integer want = f[3].equals("-") ? null : Integer.valueOf(f[3]);
            String wantSource = f[4].equals("-") ? null : f[4];
            Dating d = dates.date(null, title, text, historical);
            Dating baseline = dates.date(null, text, historical);
            cases++;
            if (java.util.Objects.equals(d.year(), want) && java.util.Objects.equals(d.source(), wantSource)) {
                right++;
            } else {
                misses.add(
                        title + ": " + d.year() + " from " + d.source() + ", expected " + want + " from " + wantSource);
            }
            if (java.util.Objects.equals(baseline.year(), want)) {
                baselineRight++;
            }
        }
        System.out.printf(
                "dated right: %d/%d with titles; %d/%d from date lines alone (the baseline)%n",
                right, cases, baselineRight, cases);
        assertThat(misses).as("dated wrong").isEmpty();
        assertThat(baselineRight).as("the baseline misses the titled reports").isLessThan(right);
    }
}
