package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateEnricherTest {
    private final DateEnricher dates = new DateEnricher();

    @Test
    void readsChineseNumeralDateLine() {
        Dating d = dates.date(null, "关于加强文史资料工作的意见\n正文。\n政协南阳市委员会\n二〇二四年五月十四日");
        assertThat(d.date()).isEqualTo("2024-05-14");
        assertThat(d.precision()).isEqualTo("day");
        assertThat(d.year()).isEqualTo(2024);
    }

    @Test
    void aTitleDatesAnOfficialDocumentWithoutADateLine() {
        // The shape of a State Council work report as published: title, then the body, no date line.
        String body = "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\n" + "一、过去一年工作回顾\n过去一年，经济运行总体平稳，2012年以来的改革继续深化。";
        Dating d = dates.date(null, "2025年中华人民共和国国务院政府工作报告", body, false);
        assertThat(d.year()).isEqualTo(2025);
        assertThat(d.date()).isEqualTo("2025");
        assertThat(d.precision()).isEqualTo("year");
        assertThat(d.source()).isEqualTo(Dating.TITLE);

        assertThat(dates.date(null, "中国人民政治协商会议郑州市委员会常务委员会二〇二三年工作报告", "各位委员：", false)
                        .year())
                .isEqualTo(2023);
        assertThat(dates.date(null, "二零二四年市政协工作要点", "一、总体要求", false).year()).isEqualTo(2024);
        assertThat(dates.date(null, "政协巴中市委员会关于2023年度提案办理情况的报告", "各位委员：", false).year())
                .isEqualTo(2023);
    }

    @Test
    void aTitleYearRecalledOrOfAMemoirIsNotThePublicationYear() {
        assertThat(dates.date(null, "纪念1949年新政协召开75周年座谈会举行", "座谈会上，委员们回顾历史。", false)
                        .year())
                .isNull();
        assertThat(dates.date(null, "自1978年以来郑州城市建设的变迁", "委员们回顾城市建设。", false).year())
                .isNull();
        // A memoir's title names the year it tells about.
        assertThat(dates.date(null, "一九三八年的武汉", "那年秋天，我随学校撤离。", true).year()).isNull();
        // A title in the middle of a sentence is not one opening the title or followed by a document's kind.
        assertThat(dates.date(null, "回眸：在那难忘的峥嵘岁月里我们走过的1958年", "往事。", false).year())
                .isNull();
    }

    @Test
    void aDateLineWinsOverTheTitleAndSaysSo() {
        Dating d = dates.date(null, "政协郑州市委员会2023年工作报告", "各位委员：\n正文。\n政协郑州市委员会\n2024年1月8日", false);
        assertThat(d.date()).isEqualTo("2024-01-08");
        assertThat(d.source()).isEqualTo(Dating.DATE_LINE);
        assertThat(dates.date("2024-05-14", "2023年工作报告", "正文", false).source()).isEqualTo(Dating.METADATA);
        assertThat(dates.date(null, "无题", "正文", false).source()).isNull();
    }

    @Test
    void prefersTheStatedPublicationDate() {
        assertThat(dates.date("2024-05-14 15:42:49", "正文 2019年1月1日 另有日期").date())
                .isEqualTo("2024-05-14");
        assertThat(dates.date("2024-05-14T07:42:49+08:00", "正文").date()).isEqualTo("2024-05-14");
        assertThat(dates.date("2024年05月14日", "正文").date()).isEqualTo("2024-05-14");
        assertThat(dates.date("2024/5/4", "正文").date()).isEqualTo("2024-05-04");
    }

    @Test
    void readsDeliveryLineUnderAReportTitle() {
        Dating d = dates.date(null, "政协南阳市第七届委员会常务委员会工作报告\n（2025年1月8日在政协南阳市第七届委员会第四次会议上）\n各位委员：");
        assertThat(d.date()).isEqualTo("2025-01-08");
    }

    @Test
    void readsSignatureDateAtTheEnd() {
        Dating d = dates.date(null, "标题\n正文第一段，内容较长，说明有关情况。\n南阳市政协办公室 2023年6月30日");
        assertThat(d.date()).isEqualTo("2023-06-30");
    }

    @Test
    void readsMonthPrecisionAndNianInDays() {
        assertThat(dates.date(null, "回忆录\n正文。\n一九八四年十二月").date()).isEqualTo("1984-12");
        assertThat(dates.date(null, "回忆录\n正文。\n一九八四年十二月").precision()).isEqualTo("month");
        assertThat(dates.date(null, "纪要\n正文。\n二〇〇四年五月廿三日").date()).isEqualTo("2004-05-23");
    }

    @Test
    void doesNotDateAMemoirByTheYearsItTellsAbout() {
        String memoir = "卢沟桥事变前后\n民国二十六年七月七日，日军在卢沟桥一带挑起事端。\n" + "民国二十六年七月\n1937年7月8日\n那年秋天，学校被迫停课，师生们四散逃难，有的参加了抗日队伍。";
        Dating d = dates.date(null, memoir);
        assertThat(d.date()).isNull();
        assertThat(d.year()).isNull();
        assertThat(d.yearsCovered()).contains(1937);
    }

    @Test
    void ignoresNarrativeDatesInsideSentences() {
        Dating d = dates.date(null, "往事\n2005年3月12日，我们一行人来到县城，看到街道两旁已经盖起了新楼，变化很大。\n后来又去了几次。");
        assertThat(d.date()).isNull();
        assertThat(d.yearsCovered()).containsExactly(2005);
    }

    @Test
    void rejectsImpossibleDates() {
        assertThat(dates.date("2024-02-30", "正文").date()).isNull();
        assertThat(dates.date(null, "标题\n2024年13月1日").date()).isNull();
    }

    @Test
    void collectsYearsCoveredIncludingMinguoAndChineseNumerals() {
        assertThat(DateEnricher.yearsCovered("民国元年建校，一九四九年后改为公立，2010年迁入新址。民国二十六年停课。"))
                .containsExactly(1912, 1937, 1949, 2010);
    }

    @Test
    void datesANewsLedeWithoutAYearByTheLatestYearItPlans() {
        Dating d = dates.date(null, "标题\n2月7日上午，市政协会议开幕。报告总结了2024年工作，并对2025年工作进行安排。\n到2035年基本实现目标。");
        assertThat(d.year()).isEqualTo(2025);
        assertThat(d.precision()).isEqualTo("year");
        assertThat(d.yearsCovered()).containsExactly(2024);
    }

    @Test
    void datesAReprintedMemoirByTheVolumeItFirstAppearedIn() {
        String memoir = "回忆县抗日民主政府\n一九三七年冬，八路军开进县城。\n一九四〇年，我到县武委会工作。\n（原载《武乡文史资料》第三辑，一九八七年十月）";
        Dating d = dates.date(null, memoir, true);
        assertThat(d.date()).isEqualTo("1987-10");
        assertThat(d.yearsCovered()).containsExactly(1937, 1938, 1939, 1940);
        assertThat(dates.date(null, "标题\n正文。\n《黄山文史》第九辑 2006年").year()).isEqualTo(2006);
        assertThat(dates.date(null, "标题\n正文。\n选自《武汉文史资料》1985年第2期").year()).isEqualTo(1985);
    }

    @Test
    void readsADateBesideABylineWithATime() {
        Dating d = dates.date(null, "标题\n四川省南江县政协主席 王建国 2024-05-14 15:42:49\n正文第一段，说明有关情况。");
        assertThat(d.date()).isEqualTo("2024-05-14");
        assertThat(dates.date(null, "标题\n正文。\n2024年6月11日 桂林日报").date()).isEqualTo("2024-06-11");
        assertThat(dates.date(null, "报告\n——2025年1月8日在政协第十四届委员会第四次会议上\n各位委员：").date())
                .isEqualTo("2025-01-08");
    }

    @Test
    void aReportDeliveredEarlyInTheYearCoversTheYearBefore() {
        assertThat(dates.date("2025-01-08", "报告\n过去一年，市政协围绕中心履职。\n2025年，市政协将继续努力。")
                        .yearsCovered())
                .containsExactly(2024);
        assertThat(dates.date("2021-12-28", "综述\n五年来，区政协聚焦制造业转型升级。").yearsCovered())
                .containsExactly(2017, 2018, 2019, 2020, 2021);
        assertThat(dates.date("2024-06-14", "全国政协召开双周协商座谈会").yearsCovered()).containsExactly(2024);
    }

    @Test
    void aHistoricalTextCoversTheSpanItTellsAboutWithEventsAndDecades() {
        String memoir = "往事\n民国二十七年十月，广州沦陷。\n抗战胜利后，家父重返香港。\n一九八〇年代起多次回乡探亲。";
        assertThat(dates.date("1996", memoir, true).yearsCovered())
                .startsWith(1938)
                .endsWith(1989)
                .hasSize(52);
    }
}
