package org.wenshi.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleEnricherTest {
    private final PeopleEnricher people = new PeopleEnricher(Gazetteer.bundled());

    private PeopleEnricher.People read(String... lines) {
        return people.read(List.of(lines));
    }

    @Test
    void readsAChairNamedInTheLedeWithTheOrganisationBeforeTheRole() {
        PeopleEnricher.People p = read("标题", "2月7日上午，会议开幕。市政协主席张立新向大会作工作报告。");
        assertThat(p.people()).containsExactly(new Person("张立新", "市政协主席", "市政协"));
    }

    @Test
    void keepsAnOrganisationOnlyWhenItsPlaceIsInTheGazetteer() {
        PeopleEnricher.People p = read("标题", "会上市政协主席孟学军出席并讲话。", "四川省南江县政协主席 王建国");
        assertThat(p.people())
                .containsExactly(new Person("孟学军", "市政协主席", "市政协"), new Person("王建国", "四川省南江县政协主席", "四川省南江县政协"));
        assertThat(p.organizations()).containsExactly("市政协", "四川省南江县政协");
    }

    @Test
    void readsBylinesOfReportersWithBlanksInsideNamesAndOralHistories() {
        PeopleEnricher.People p = read("标题", "王德明 口述 李文英 整理", "正文。", "漯河日报全媒体记者 齐红霞", "通讯员 刘 勇");
        assertThat(p.people())
                .extracting(Person::name, Person::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("王德明", "口述"),
                        org.assertj.core.groups.Tuple.tuple("李文英", "整理"),
                        org.assertj.core.groups.Tuple.tuple("齐红霞", "漯河日报记者"),
                        org.assertj.core.groups.Tuple.tuple("刘勇", "通讯员"));
    }

    @Test
    void takesABareNameUnderTheTitleAsTheAuthor() {
        assertThat(read("延安时期的边区银行", "张继先", "一九四一年初，边区受到封锁。").people()).containsExactly(new Person("张继先", "作者", null));
    }

    @Test
    void doesNotTakeWordsAfterARoleForNames() {
        assertThat(read("标题", "截至12月底，委员满意率98%。", "委员来自各族各界，委员们认为要加强协商。").people())
                .isEmpty();
    }

    @Test
    void endsANameWithAMiddleDotBeforeTheVerb() {
        assertThat(read("标题", "市政协主席阿不都热合曼·吐尔逊表示，要画好同心圆。").people())
                .extracting(Person::name)
                .containsExactly("阿不都热合曼·吐尔逊");
    }
}
