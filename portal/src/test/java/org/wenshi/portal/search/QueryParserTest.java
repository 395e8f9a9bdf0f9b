package org.wenshi.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wenshi.portal.search.UserQuery.AnyOf;
import org.wenshi.portal.search.UserQuery.Phrase;
import org.wenshi.portal.search.UserQuery.Scope;
import org.wenshi.portal.search.UserQuery.Word;

class QueryParserTest {

    private static Word word(String text) {
        return new Word(text, Scope.ALL);
    }

    private static Phrase phrase(String text) {
        return new Phrase(text, Scope.ALL);
    }

    @Test
    void readsWordsPhrasesExclusionsAlternativesAndTitleScope() {
        UserQuery q = QueryParser.parse("政协 \"有事好商量\" -会议 -\"常务委员会\" 提案 OR 建议 title:文史 title:\"政协往事\"");
        assertThat(q.required())
                .containsExactly(
                        word("政协"),
                        phrase("有事好商量"),
                        new AnyOf(List.of(word("提案"), word("建议"))),
                        new Word("文史", Scope.TITLE),
                        new Phrase("政协往事", Scope.TITLE));
        assertThat(q.excluded()).containsExactly(word("会议"), phrase("常务委员会"));
    }

    @Test
    void emptyOrBlankQueryBrowsesEverything() {
        assertThat(QueryParser.parse(null).isEmpty()).isTrue();
        assertThat(QueryParser.parse("").isEmpty()).isTrue();
        assertThat(QueryParser.parse(" \t\n　").isEmpty()).isTrue();
    }

    @Test
    void acceptsChineseQuotationMarksAndFullWidthColon() {
        UserQuery q = QueryParser.parse("“有事好商量” 「政協往事」 title：南阳");
        assertThat(q.required()).containsExactly(phrase("有事好商量"), phrase("政協往事"), new Word("南阳", Scope.TITLE));
    }

    @Test
    void quotationMarksInsideASentenceArePartOfIt() {
        // Set off by spaces, or ending the query: the phrase operator.
        assertThat(QueryParser.parse("「有事好商量」 崇州").required()).containsExactly(phrase("有事好商量"), word("崇州"));
        assertThat(QueryParser.parse("崇州 “有事好商量”").required()).containsExactly(word("崇州"), phrase("有事好商量"));
        // Followed directly by more of the sentence, or inside it: a name or a citation in a question.
        assertThat(QueryParser.parse("「北国江南」指哪个城市").required()).containsExactly(word("「北国江南」指哪个城市"));
        assertThat(QueryParser.parse("拥有「东引别墅」别名的建筑").required()).containsExactly(word("拥有「东引别墅」别名的建筑"));
        // Excluded and title-scoped quotations stay operators.
        assertThat(QueryParser.parse("政协 -「往事」回忆").excluded()).containsExactly(phrase("往事"));
    }

    @Test
    void unbalancedQuoteRunsToTheEnd() {
        assertThat(QueryParser.parse("政协 \"有事 好商量").required()).containsExactly(word("政协"), phrase("有事 好商量"));
        assertThat(QueryParser.parse("\"").isEmpty()).isTrue();
        assertThat(QueryParser.parse("\"\"\"").isEmpty()).isTrue();
    }

    @Test
    void strayOperatorsAreIgnored() {
        assertThat(QueryParser.parse("OR").isEmpty()).isTrue();
        assertThat(QueryParser.parse("OR OR -").isEmpty()).isTrue();
        assertThat(QueryParser.parse("---").isEmpty()).isTrue();
        assertThat(QueryParser.parse("- - -").isEmpty()).isTrue();
        assertThat(QueryParser.parse("OR 政协 OR").required()).containsExactly(word("政协"));
        assertThat(QueryParser.parse("提案 OR OR 建议").required())
                .containsExactly(new AnyOf(List.of(word("提案"), word("建议"))));
        assertThat(QueryParser.parse("title: 政协").required()).containsExactly(word("title:"), word("政协"));
    }

    @Test
    void orBindsNeighboursOnlyAndNotAcrossAnExclusion() {
        UserQuery q = QueryParser.parse("a OR b OR c d OR -e f");
        assertThat(q.required())
                .containsExactly(new AnyOf(List.of(word("a"), word("b"), word("c"))), word("d"), word("f"));
        assertThat(q.excluded()).containsExactly(word("e"));
        assertThat(QueryParser.parse("a or b").required()).containsExactly(word("a"), word("or"), word("b"));
    }

    @Test
    void hyphenInsideAWordIsPartOfIt() {
        assertThat(QueryParser.parse("COVID-19 1949-1966").required())
                .containsExactly(word("COVID-19"), word("1949-1966"));
    }

    @Test
    void emojiControlAndFormatCharactersSeparateAndVanish() {
        assertThat(QueryParser.parse("😀🎉").isEmpty()).isTrue();
        assertThat(QueryParser.parse("政协😀提案").required()).containsExactly(word("政协"), word("提案"));
        assertThat(QueryParser.parse("政协\u0000\u0007提案\u200b文史\ufeff").required())
                .containsExactly(word("政协"), word("提案"), word("文史"));
        assertThat(QueryParser.parse("\ud800 lone \udc00 surrogates").required())
                .containsExactly(word("lone"), word("surrogates"));
        assertThat(QueryParser.parse("👨‍👩‍👧 家庭").required()).containsExactly(word("家庭"));
    }

    @Test
    void punctuationOnlyTermsAreDropped() {
        assertThat(QueryParser.parse("，。！ ？ \"、\" -（）").isEmpty()).isTrue();
    }

    @Test
    void keepsTraditionalAndFullWidthTextAsTyped() {
        assertThat(QueryParser.parse("政協 ＡＢＣ１２３").required()).containsExactly(word("政協"), word("ＡＢＣ１２３"));
    }

    @Test
    void handlesTenKilobytesQuickly() {
        String big = "政协文史资料 \"有事好商量 -OR OR ".repeat(600);
        assertThat(big.length()).isGreaterThan(10_000);
        long start = System.nanoTime();
        UserQuery q = QueryParser.parse(big);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        assertThat(q.termCount()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"",
                "-",
                "-\"",
                "title:",
                "title:\"",
                "-title:\"",
                "OR -OR",
                "\"\"OR\"\"",
                "\\",
                "\\\"",
                "*:*",
                "a:(b OR c)",
                "{\"query\":1}",
                "<script>alert(1)</script>",
                "+-&&||!(){}[]^\"~*?:\\/"
            })
    void neverFailsOnOperatorSoup(String input) {
        assertThatCode(() -> QueryParser.parse(input)).doesNotThrowAnyException();
    }

    @Test
    void neverFailsOnRandomInput() {
        Random random = new Random(42);
        int[] alphabet = {'"', '-', ' ', 'O', 'R', ':', '“', '”', '政', '协', 't', 'i', 'l', 'e', 0, 0x1F600, 0xD800, '\n'
        };
        for (int round = 0; round < 2_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                s.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            UserQuery q = QueryParser.parse(s.toString());
            q.required().forEach(c -> assertThat(c).isNotNull());
            q.excluded()
                    .forEach(t -> assertThat(QueryParser.searchable(t.text())).isTrue());
        }
    }
}
