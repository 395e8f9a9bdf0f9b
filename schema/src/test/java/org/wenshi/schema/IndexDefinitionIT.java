package org.wenshi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenshi.localnode.testing.TestNode;

/** The index definition against a real Elasticsearch node started by the build. */
class IndexDefinitionIT {
    private ElasticsearchConnection connection;
    private ElasticsearchClient client;
    private IndexNames names;

    @BeforeEach
    void connect() {
        connection = ElasticsearchConnection.open(TestNode.url().toString());
        client = connection.client();
        names = new IndexNames("it-definition-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void removeIndex() throws Exception {
        client.indices().delete(d -> d.index(names.versioned()).ignoreUnavailable(true));
        connection.close();
    }

    @Test
    void createsVersionedIndexBehindAliasOnceAndReusesItAfterwards() throws Exception {
        assertThat(IndexDefinition.load().ensureIndex(client, names)).isTrue();
        assertThat(IndexDefinition.load().ensureIndex(client, names)).isFalse();
        assertThat(IndexDefinition.load().ensureIndex(client, names)).isFalse();

        var aliases = client.indices().getAlias(a -> a.name(names.alias())).result();
        assertThat(aliases).containsOnlyKeys(names.versioned());
        var health = client.cluster().health(h -> h.index(names.alias())
                .waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Green)
                .timeout(t -> t.time("30s")));
        assertThat(health.timedOut()).isFalse();
    }

    @Test
    void rejectsFieldsTheMappingDoesNotKnow() throws Exception {
        IndexDefinition.load().ensureIndex(client, names);
        assertThatThrownBy(() -> client.index(
                        i -> i.index(names.alias()).id("x").document(Map.of("title", "政协", "no_such_field", "x"))))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }

    @Test
    void acceptsADocumentWithEveryKindOfField() throws Exception {
        IndexDefinition.load().ensureIndex(client, names);
        Map<String, Object> doc = Map.ofEntries(
                Map.entry(Fields.ID, "d1"),
                Map.entry(Fields.URL, "file:///data/a.pdf"),
                Map.entry(Fields.TITLE, "南江县政协工作"),
                Map.entry(Fields.TEXT, "第一页的文字。第二页的文字。"),
                Map.entry(
                        Fields.PAGES,
                        java.util.List.of(
                                Map.of("n", 1, "text", "第一页的文字。", "start_offset", 0, "end_offset", 7),
                                Map.of("n", 2, "text", "第二页的文字。", "start_offset", 7, "end_offset", 14))),
                Map.entry(Fields.DATE, "2024-05-14"),
                Map.entry(Fields.YEAR, 2024),
                Map.entry(Fields.YEARS_COVERED, java.util.List.of(2023, 2024)),
                Map.entry(Fields.PROVINCE, "四川省"),
                Map.entry(Fields.CITY, "巴中市"),
                Map.entry(Fields.COUNTY, "南江县"),
                Map.entry(Fields.THEMES, java.util.List.of("协商议政")),
                Map.entry(Fields.PEOPLE, java.util.List.of(Map.of("name", "某某", "role", "县政协主席"))),
                Map.entry(
                        Fields.KEY_FIGURES,
                        java.util.List.of(Map.of(
                                "metric",
                                "提案立案",
                                "value",
                                656,
                                "unit",
                                "件",
                                "approximate",
                                false,
                                "year",
                                2023,
                                "sentence",
                                "提案立案656件"))),
                Map.entry(Fields.SUGGEST, java.util.List.of("南江县政协工作")),
                Map.entry(Fields.INGESTED_AT, "2026-11-21T00:00:00Z"));
        client.index(i -> i.index(names.alias())
                .id("d1")
                .document(doc)
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        assertThat(client.count(c -> c.index(names.alias())).count()).isEqualTo(1);
    }
}
