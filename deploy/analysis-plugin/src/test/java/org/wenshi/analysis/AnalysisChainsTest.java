package org.wenshi.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wenshi.analysis.Chains.BIGRAMS;
import static org.wenshi.analysis.Chains.EXACT;
import static org.wenshi.analysis.Chains.WORDS;
import static org.wenshi.analysis.Chains.WORDS_SEARCH;
import static org.wenshi.analysis.Chains.analyze;
import static org.wenshi.analysis.Chains.terms;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wenshi.analysis.Chains.Token;

/** The index definition's analyzers, composed from the plugin's factories, on the scenarios that matter. */
class AnalysisChainsTest {

    @Test
    void foldsTraditionalBeforeTokenizing() {
        assertThat(analyze(WORDS, "政協鄭州市")).isEqualTo(analyze(WORDS, "政协郑州市"));
        assertThat(terms(WORDS, "政协郑州市")).containsExactly("政协", "郑州市");
        assertThat(analyze(BIGRAMS, "政協鄭州市")).isEqualTo(analyze(BIGRAMS, "政协郑州市"));
        assertThat(terms(BIGRAMS, "政協鄭州市")).containsExactly("政协", "协郑", "郑州", "州市");
        assertThat(terms(WORDS, "政協鄭州市委員會召開協商會議")).isEqualTo(terms(WORDS, "政协郑州市委员会召开协商会议"));
    }

    @Test
    void foldsFullWidthLatinAndDigits() {
        assertThat(terms(WORDS, "ＡＢＣ１２３")).isEqualTo(terms(WORDS, "ABC123")).containsExactly("abc", "123");
        assertThat(terms(BIGRAMS, "ＡＢＣ１２３")).containsExactly("abc123");
        assertThat(terms(EXACT, "政協 ＡＢＣ")).containsExactly("政协 abc");
    }

    @Test
    void neverEmitsPunctuationAsTerms() {
        String punctuation = "，。！：；？“”（）《》、…—·,.!?";
        assertThat(terms(WORDS, punctuation)).isEmpty();
        assertThat(terms(BIGRAMS, punctuation)).isEmpty();
        assertThat(terms(WORDS, "政协，工作。“会议”")).containsExactly("政协", "工作", "会议");
    }

    @Test
    void leavesAPositionGapWhereAPunctuationTokenWasDropped() {
        List<Token> tokens = analyze(WORDS, "政协，工作");
        assertThat(tokens).extracting(Token::term).containsExactly("政协", "工作");
        assertThat(tokens).extracting(Token::position).containsExactly(0, 2);
    }

    @Test
    void highlightOfWordJoinedAcrossStraySpaceCoversTheOriginalText() {
        assertThat(analyze(WORDS, "政 协")).containsExactly(new Token("政协", 0, 3, 0, 1));
        assertThat(analyze(WORDS, "政 协  工作")).extracting(Token::term).containsExactly("政协", "工作");
        assertThat(analyze(BIGRAMS, "政 协")).containsExactly(new Token("政协", 0, 3, 0, 1));
        assertThat(terms(BIGRAMS, "政 协  文\n史")).containsExactly("政协", "协文", "文史");
    }

    @Test
    void offsetsOfTraditionalTextPointAtTheOriginalCharacters() {
        String original = "他說：政協 會議，在鄭州";
        for (Token token : analyze(WORDS, original)) {
            assertThat(terms(WORDS, original.substring(token.start(), token.end())))
                    .contains(token.term());
        }
    }

    @Test
    void bigramsOfAdjacentHanStandAtConsecutivePositions() {
        List<Token> tokens = analyze(BIGRAMS, "有事好商量");
        assertThat(tokens).extracting(Token::term).containsExactly("有事", "事好", "好商", "商量");
        assertThat(tokens).extracting(Token::position).containsExactly(0, 1, 2, 3);
        assertThat(tokens).extracting(Token::start).containsExactly(0, 1, 2, 3);
    }

    @Test
    void scatteredCharactersDoNotFormTheBigramSequence() {
        List<String> scattered = terms(BIGRAMS, "有人说事情好办，也有人说要商量，总之好好商议。");
        assertThat(scattered).contains("商量").doesNotContain("有事", "事好");
    }

    @Test
    void loneHanCharacterStillComesOutAsUnigram() {
        assertThat(terms(BIGRAMS, "中 abc 国")).containsExactly("中", "abc", "国");
    }

    @Test
    void queryForZhengxieAlsoSearchesItsFullNames() {
        List<Token> graph = analyze(WORDS_SEARCH, "政协");
        assertThat(graph).extracting(Token::term).contains("政协", "人民", "中国人民政治协商会议");
        Token renmin =
                graph.stream().filter(t -> t.term().equals("人民")).findFirst().orElseThrow();
        Token zhengxieAfterRenmin = graph.stream()
                .filter(t -> t.term().equals("政协") && t.position() == renmin.position() + 1)
                .findFirst()
                .orElseThrow();
        assertThat(zhengxieAfterRenmin.start()).isZero();
        assertThat(graph).filteredOn(t -> t.position() == 0).anySatisfy(t -> assertThat(t.positionLength())
                .isEqualTo(2));
    }

    @Test
    void multiWordSynonymEntriesMatchWholeNames() {
        assertThat(terms(WORDS_SEARCH, "中国人民政治协商会议全国委员会")).contains("全国", "政协");
        assertThat(terms(WORDS_SEARCH, "全國政協")).contains("中国人民政治协商会议", "委员会");
        assertThat(terms(WORDS_SEARCH, "抗戰")).contains("抗日战争");
    }

    @Test
    void indexSideWordChainCarriesNoSynonyms() {
        assertThat(terms(WORDS, "政协")).containsExactly("政协");
    }

    @Test
    void wordChainOfSynonymParsingEqualsTheIndexDefinitionsWordsAnalyzer() {
        try (Analyzer parsingChain = new WordChainAnalyzer()) {
            String text = "政協 委員，ＡＢＣ１２３。中国人民政治协商会议全国委员会常委会";
            assertThat(analyze(parsingChain, text)).isEqualTo(analyze(WORDS, text));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void analyzesFiveMegabytesOfText() {
        String paragraph = "政協鄭州市委員會圍繞城市更新開展協商，委員們有事好商量。" + "本 书 由 政 协 文 史 资 料 委 员 会 编 印，ＩＳＢＮ　９７８－７。\n";
        StringBuilder text = new StringBuilder();
        while (text.length() < 5_000_000) {
            text.append(paragraph);
        }
        String document = text.toString();
        int paragraphs = (document.length() + paragraph.length() - 1) / paragraph.length();
        List<String> words = terms(WORDS, document);
        assertThat(words).hasSizeGreaterThan(paragraphs * 10).contains("政协", "郑州市", "委员会");
        List<Token> bigrams = analyze(BIGRAMS, document);
        assertThat(bigrams.get(bigrams.size() - 1).end()).isLessThanOrEqualTo(document.length());
        assertThat(bigrams).hasSizeGreaterThan(paragraphs * 30);
    }
}
