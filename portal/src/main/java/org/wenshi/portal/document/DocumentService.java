package org.wenshi.portal.document;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.wenshi.portal.document.DocumentView.Similar;
import org.wenshi.portal.document.MarkedText.Range;
import org.wenshi.portal.search.QueryParser;
import org.wenshi.portal.search.SearchCriteria;
import org.wenshi.portal.search.UserQuery.AnyOf;
import org.wenshi.portal.search.UserQuery.Clause;
import org.wenshi.portal.search.UserQuery.Scope;
import org.wenshi.portal.search.UserQuery.Term;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * Finds one document, by id or by the URL it was ingested from, and what belongs with it: the other
 * versions of a reprinted text (its duplicate group), a few similar documents
 * ({@code more_like_this}, which the minimal Elasticsearch distribution has) and, for the page, the
 * places where the reader's query occurs in the text. The related parts are extras: if they fail,
 * the document is still served, without them.
 *
 * <p>A malformed id is refused with 400 before Elasticsearch is asked; an unknown one is 404.
 */
@Service
public class DocumentService {
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    /** What an id may look like: ingest writes hex digests; fixtures and older data use words and dashes. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

    static final int MAX_URL_LENGTH = 8192;
    static final int MAX_QUERY_LENGTH = SearchCriteria.MAX_QUERY_LENGTH;
    static final int RELATED = 5;
    static final int MAX_VERSIONS = 20;

    private final ElasticsearchAccess elasticsearch;

    public DocumentService(ElasticsearchAccess elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** A stored document and where the reader's query occurs in its text. */
    public record Found(StoredDocument document, String index, List<Range> hits) {}

    /** Another version of the same text (a reprint, or the main version of one). */
    public record Version(
            String id, String title, String source, String date, String url, boolean canonical, String text) {}

    /** The document whose id is {@code id}, as the API serves it. */
    public Mono<DocumentView> byId(String id) {
        return find(id, List.of()).flatMap(this::view);
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
        return search(Query.of(q -> q.term(t -> t.field(Fields.URL).value(url))), null, null)
                .flatMap(this::view);
    }

    private Mono<DocumentView> view(Found found) {
        return Mono.zip(versions(found.document()), similar(found))
                .map(related -> DocumentView.of(
                        found.document(),
                        related.getT1().stream()
                                .map(Version::id)
                                .filter(v -> !v.equals(found.document().id()))
                                .toList(),
                        related.getT2()));
    }

    /** 400 unless {@code id} has the shape of a document id. */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.badRequest(
                    "invalid_id", "A document id is 1 to 200 letters, digits, '.', '_', ':' or '-' / 文档编号格式无效");
        }
        return id;
    }

    /** The terms of {@code q} to mark in a document's text; 400 when {@code q} is too long. */
    public static List<String> termsToMark(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest(
                    "query_too_long",
                    "q is longer than " + MAX_QUERY_LENGTH + " characters / 检索词不能超过 " + MAX_QUERY_LENGTH + " 个字");
        }
        Set<String> terms = new LinkedHashSet<>();
        for (Clause clause : QueryParser.parse(q).required()) {
            List<Term> alternatives = clause instanceof AnyOf any ? any.terms() : List.of((Term) clause);
            for (Term t : alternatives) {
                if (t.scope() == Scope.ALL) {
                    terms.add(t.text());
                }
            }
        }
        return List.copyOf(terms);
    }

    /**
     * The document {@code id} with the places in its text where {@code terms} occur, each term as
     * an exact sequence of characters (simplified and traditional, full and half width alike, as
     * the bigram field folds them).
     */
    public Mono<Found> find(String id, List<String> terms) {
        try {
            checkId(id);
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return search(idQuery(id), highlight(terms), null);
    }

    /**
     * Only the given fields of document {@code id} (its files, its citation), without the text a
     * whole document carries.
     */
    public Mono<StoredDocument> fields(String id, List<String> fields) {
        try {
            checkId(id);
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return search(idQuery(id), null, fields).map(Found::document);
    }

    private static Query idQuery(String id) {
        return Query.of(q -> q.bool(b -> b.should(s -> s.ids(i -> i.values(id)))
                .should(s -> s.term(t -> t.field(Fields.ID).value(id)))
                .minimumShouldMatch("1")));
    }

    /** The whole text highlighted with {@link MarkedText}'s private-use tags, or {@code null} without terms. */
    static Highlight highlight(List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        List<Query> phrases = terms.stream()
                .map(t -> Query.of(
                        q -> q.matchPhrase(m -> m.field(Fields.TEXT_BIGRAMS).query(t))))
                .toList();
        return Highlight.of(h -> h.type(HighlighterType.Unified)
                .preTags(MarkedText.OPEN)
                .postTags(MarkedText.CLOSE)
                .fields(Fields.TEXT_BIGRAMS, f -> f.numberOfFragments(0)
                        .highlightQuery(q -> q.bool(b -> b.should(phrases).minimumShouldMatch("1")))));
    }

    /** The first document {@code query} finds, its whole source or only {@code fields} (when not null). */
    private Mono<Found> search(Query query, Highlight highlight, List<String> fields) {
        String alias = elasticsearch.names().alias();
        return elasticsearch
                .execute(
                        "document",
                        es -> es.search(
                                s -> {
                                    s.index(alias).query(query).size(1);
                                    if (highlight != null) {
                                        s.highlight(highlight);
                                    }
                                    if (fields != null) {
                                        s.source(src -> src.filter(f -> f.includes(fields)));
                                    }
                                    return s;
                                },
                                ObjectNode.class))
                .flatMap(response -> {
                    if (response.hits().hits().isEmpty()) {
                        return Mono.error(notFound());
                    }
                    Hit<ObjectNode> hit = response.hits().hits().get(0);
                    StoredDocument doc = StoredDocument.of(hit.id(), hit.source());
                    List<String> highlighted = hit.highlight().get(Fields.TEXT_BIGRAMS);
                    List<Range> hits = highlighted == null || highlighted.isEmpty()
                            ? List.of()
                            : MarkedText.hitsIn(highlighted.get(0), doc.text(Fields.TEXT));
                    return Mono.just(new Found(doc, hit.index(), hits));
                });
    }

    /** All versions of the document's text, the main one first; empty when it has no duplicate group. */
    public Mono<List<Version>> versions(StoredDocument doc) {
        String group = doc.text(Fields.DUPLICATE_GROUP);
        if (group == null) {
            return Mono.just(List.of());
        }
        String alias = elasticsearch.names().alias();
        return elasticsearch
                .execute(
                        "versions",
                        es -> es.search(
                                s -> s.index(alias)
                                        .query(q -> q.term(t ->
                                                t.field(Fields.DUPLICATE_GROUP).value(group)))
                                        .source(src -> src.filter(f -> f.includes(
                                                Fields.ID,
                                                Fields.TITLE,
                                                Fields.SOURCE,
                                                Fields.DATE,
                                                Fields.URL,
                                                Fields.CANONICAL,
                                                Fields.TEXT)))
                                        .sort(o -> o.field(f -> f.field(Fields.CANONICAL)
                                                .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
                                        .sort(o -> o.field(f -> f.field(Fields.ID)))
                                        .size(MAX_VERSIONS),
                                ObjectNode.class))
                .map(r -> {
                    List<Version> versions = new ArrayList<>();
                    for (Hit<ObjectNode> h : r.hits().hits()) {
                        StoredDocument d = StoredDocument.of(h.id(), h.source());
                        versions.add(new Version(
                                d.id(),
                                d.text(Fields.TITLE),
                                d.text(Fields.SOURCE),
                                d.date(Fields.DATE),
                                d.text(Fields.URL),
                                !"false".equals(d.text(Fields.CANONICAL)),
                                d.text(Fields.TEXT)));
                    }
                    return List.copyOf(versions);
                })
                .onErrorResume(e -> {
                    log.warn("Versions of {} not available: {}", doc.id(), e.toString());
                    return Mono.just(List.of());
                });
    }

    /**
     * Documents like this one by their words, leaving out its own reprints and reprints in general
     * (their main version stands for them).
     */
    public Mono<List<Similar>> similar(Found found) {
        String alias = elasticsearch.names().alias();
        String id = found.document().id();
        String group = found.document().text(Fields.DUPLICATE_GROUP);
        return elasticsearch
                .execute(
                        "similar",
                        es -> es.search(
                                s -> s.index(alias)
                                        .query(q -> q.bool(b -> {
                                            b.must(m -> m.moreLikeThis(l -> l.fields(Fields.TITLE, Fields.TEXT)
                                                    .like(k -> k.document(d -> d.index(found.index())
                                                            .id(id)))
                                                    .minTermFreq(1)
                                                    .minDocFreq(1)
                                                    .maxQueryTerms(25)
                                                    .minimumShouldMatch("30%")));
                                            b.mustNot(n -> n.term(t ->
                                                    t.field(Fields.CANONICAL).value(false)));
                                            if (group != null) {
                                                b.mustNot(n -> n.term(t -> t.field(Fields.DUPLICATE_GROUP)
                                                        .value(group)));
                                            }
                                            return b;
                                        }))
                                        .source(src -> src.filter(f -> f.includes(Fields.ID, Fields.TITLE)))
                                        .size(RELATED),
                                ObjectNode.class))
                .map(r -> r.hits().hits().stream()
                        .map(h -> StoredDocument.of(h.id(), h.source()))
                        .filter(d -> !d.id().equals(id))
                        .map(d -> new Similar(d.id(), d.text(Fields.TITLE)))
                        .toList())
                .onErrorResume(e -> {
                    log.warn("Similar documents of {} not available: {}", id, e.toString());
                    return Mono.just(List.of());
                });
    }

    private static ApiException notFound() {
        return ApiException.notFound("document_not_found", "No document with this id or URL / 没有找到该文档");
    }
}
