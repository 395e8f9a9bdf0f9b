package org.wenshi.portal.document;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.wenshi.portal.document.DocumentView.Similar;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * Finds one document, by id or by the URL it was ingested from, and what belongs with it: the
 * other members of its duplicate group and a few similar documents ({@code more_like_this}).
 * Those two are extras: if they fail, the document is still served, without them.
 */
@Service
public class DocumentService {
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    static final int MAX_ID_LENGTH = 512;
    static final int MAX_URL_LENGTH = 8192;
    static final int RELATED = 5;

    private final ElasticsearchAccess elasticsearch;

    public DocumentService(ElasticsearchAccess elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** The document whose id is {@code id}; a 404 {@link ApiException} when there is none. */
    public Mono<DocumentView> byId(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            return Mono.error(notFound());
        }
        return find(Query.of(q -> q.bool(b -> b.should(s -> s.ids(i -> i.values(id)))
                .should(s -> s.term(t -> t.field(Fields.ID).value(id)))
                .minimumShouldMatch("1"))));
    }

    /** The document ingested from {@code url}; 400 without a URL, 404 when there is none. */
    public Mono<DocumentView> byUrl(String url) {
        if (url == null || url.isBlank()) {
            return Mono.error(ApiException.badRequest("missing_parameter", "url is required / 缺少参数 url"));
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Mono.error(ApiException.badRequest(
                    "invalid_parameter", "url is longer than " + MAX_URL_LENGTH + " characters / url 过长"));
        }
        return find(Query.of(q -> q.term(t -> t.field(Fields.URL).value(url))));
    }

    private Mono<DocumentView> find(Query query) {
        String alias = elasticsearch.names().alias();
        return elasticsearch
                .execute(
                        "document",
                        es -> es.search(s -> s.index(alias).query(query).size(1), ObjectNode.class))
                .flatMap(response -> response.hits().hits().isEmpty()
                        ? Mono.error(notFound())
                        : withRelated(response.hits().hits().get(0)));
    }

    private Mono<DocumentView> withRelated(Hit<ObjectNode> hit) {
        StoredDocument doc = StoredDocument.of(hit.id(), hit.source());
        return Mono.zip(duplicates(doc), similar(hit))
                .map(related -> DocumentView.of(doc, related.getT1(), related.getT2()));
    }

    private Mono<List<String>> duplicates(StoredDocument doc) {
        String group = doc.text(Fields.DUPLICATE_GROUP);
        if (group == null) {
            return Mono.just(List.of());
        }
        String alias = elasticsearch.names().alias();
        return elasticsearch
                .execute(
                        "duplicates",
                        es -> es.search(
                                s -> s.index(alias)
                                        .query(q -> q.term(t ->
                                                t.field(Fields.DUPLICATE_GROUP).value(group)))
                                        .source(src -> src.filter(f -> f.includes(Fields.ID)))
                                        .size(50),
                                ObjectNode.class))
                .map(r -> r.hits().hits().stream()
                        .map(h -> StoredDocument.of(h.id(), h.source()).id())
                        .filter(id -> !id.equals(doc.id()))
                        .toList())
                .onErrorResume(e -> {
                    log.warn("Duplicates of {} not available: {}", doc.id(), e.toString());
                    return Mono.just(List.of());
                });
    }

    private Mono<List<Similar>> similar(Hit<ObjectNode> hit) {
        String alias = elasticsearch.names().alias();
        return elasticsearch
                .execute(
                        "similar",
                        es -> es.search(
                                s -> s.index(alias)
                                        .query(q -> q.moreLikeThis(m -> m.fields(Fields.TITLE, Fields.TEXT)
                                                .like(l -> l.document(d ->
                                                        d.index(hit.index()).id(hit.id())))
                                                .minTermFreq(1)
                                                .minDocFreq(1)
                                                .maxQueryTerms(25)
                                                .minimumShouldMatch("30%")))
                                        .source(src -> src.filter(f -> f.includes(Fields.ID, Fields.TITLE)))
                                        .size(RELATED),
                                ObjectNode.class))
                .map(r -> r.hits().hits().stream()
                        .map(h -> StoredDocument.of(h.id(), h.source()))
                        .map(d -> new Similar(d.id(), d.text(Fields.TITLE)))
                        .toList())
                .onErrorResume(e -> {
                    log.warn("Similar documents of {} not available: {}", hit.id(), e.toString());
                    return Mono.just(List.of());
                });
    }

    private static ApiException notFound() {
        return ApiException.notFound("document_not_found", "No document with this id or URL / 没有找到该文档");
    }
}
