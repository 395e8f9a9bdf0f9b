package org.wenshi.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenshi.analysis.Chains.terms;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.junit.jupiter.api.Test;

class SynonymFilterFactoryTest {

    private static Analyzer searchChainWith(List<String> extraRules) {
        return Chains.custom(
                Chains.FOLD, Chains.SMARTCN, Chains.DROP_PUNCT, new SynonymFilterFactory(() -> extraRules));
    }

    @Test
    void committedListParsesAndIsSharedByDefaultInstances() {
        assertThat(DomainSynonyms.map(List.of()).fst).isNotNull();
        assertThat(DomainSynonyms.map(List.of())).isSameAs(DomainSynonyms.map(List.of()));
    }

    @Test
    void everyCommittedRuleWorksInBothDirections() {
        assertThat(terms(Chains.WORDS_SEARCH, "常委会")).contains("常务", "委员会");
        assertThat(terms(Chains.WORDS_SEARCH, "常务委员会")).contains("常委会");
        assertThat(terms(Chains.WORDS_SEARCH, "统战部")).contains("统一战线");
        assertThat(terms(Chains.WORDS_SEARCH, "民国")).contains("中华民国");
        assertThat(terms(Chains.WORDS_SEARCH, "第三次国内革命战争")).contains("解放");
        assertThat(terms(Chains.WORDS_SEARCH, "文化大革命")).contains("文革");
    }

    @Test
    void doesNotEquateDifferentInstitutions() {
        assertThat(terms(Chains.WORDS_SEARCH, "提案")).containsExactly("提案");
        assertThat(terms(Chains.WORDS_SEARCH, "文史")).containsExactly("文史");
    }

    @Test
    void extraRulesFromIndexSettingsAddToTheCommittedList() {
        try (Analyzer analyzer = searchChainWith(List.of("郑州, 绿城"))) {
            assertThat(terms(analyzer, "绿城")).contains("郑州");
            assertThat(terms(analyzer, "政协")).contains("人民");
        }
    }

    @Test
    void rejectsAMalformedExtraRule() {
        assertThatThrownBy(() -> new SynonymFilterFactory(() -> List.of("政协 => ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsAtSearchTimeOnly() {
        assertThat(new SynonymFilterFactory(List::of).getAnalysisMode()).isEqualTo(AnalysisMode.SEARCH_TIME);
    }
}
