package org.wenshi.portal.document;

import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import org.wenshi.portal.document.DocumentPage.PageSpan;
import org.wenshi.portal.document.DocumentService.Found;
import org.wenshi.portal.system.ApiException;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * {@code /doc/{id}}: a document's page, its stable permalink. {@code ?q=} marks every hit of the
 * reader's query in the text (with links from hit to hit); {@code ?page=N} chooses the page shown
 * beside its image. A malformed id or parameter ends on the error page with 400, an unknown
 * document or page with 404, an unavailable search engine with 503.
 */
@Controller
public class DocumentPageController {
    private static final List<String> STYLESHEETS = List.of("/css/document.css");

    private final DocumentService documents;
    private final DocumentFiles files;

    public DocumentPageController(DocumentService documents, DocumentFiles files) {
        this.documents = documents;
        this.files = files;
    }

    @GetMapping("/doc/{id}")
    public Mono<Rendering> document(
            @PathVariable String id,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page,
            ServerHttpRequest request) {
        List<String> terms;
        Integer requested;
        try {
            DocumentService.checkId(id);
            terms = DocumentService.termsToMark(q);
            requested = pageNumber(page);
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return documents.find(id, terms).flatMap(found -> {
            StoredDocument doc = found.document();
            if (requested != null
                    && doc.objects(Fields.PAGES).stream()
                            .noneMatch(p ->
                                    requested.equals(p.integer(Fields.PAGE_N)) && p.text(Fields.PAGE_IMAGE) != null)) {
                return Mono.error(ApiException.notFound(
                        "page_not_found", "This document has no page " + requested + " / 该文档没有第 " + requested + " 页"));
            }
            return Mono.zip(documents.versions(doc), documents.similar(found), words(found, requested))
                    .map(related -> {
                        DocumentView view = DocumentView.of(
                                doc,
                                related.getT1().stream()
                                        .map(DocumentService.Version::id)
                                        .filter(v -> !v.equals(doc.id()))
                                        .toList(),
                                related.getT2());
                        DocumentPage model =
                                DocumentPage.of(found, view, q, requested, related.getT3(), related.getT1());
                        return Rendering.view("document")
                                .modelAttribute("page", model)
                                .modelAttribute("permalinkUrl", absolute(request, model.permalink()))
                                .modelAttribute("stylesheets", STYLESHEETS)
                                .build();
                    });
        });
    }

    /** The permalink as a full address on the host the reader used. */
    static String absolute(ServerHttpRequest request, String path) {
        return UriComponentsBuilder.fromUri(request.getURI())
                        .replacePath(null)
                        .replaceQuery(null)
                        .fragment(null)
                        .build()
                        .toUriString()
                + path;
    }

    /** {@code null} when absent; 400 unless a whole number from 1. */
    static Integer pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(page.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("invalid_page_number", "page must be a whole number from 1 / 页码须为从 1 开始的整数");
    }

    /** The word boxes of the page the viewer shows, read only when a hit is on it. */
    private Mono<PageWords> words(Found found, Integer requested) {
        StoredDocument doc = found.document();
        List<PageSpan> spans = DocumentPage.spans(doc);
        int n = DocumentPage.pageToShow(spans, found.hits(), requested);
        boolean hitOnPage = spans.stream()
                .anyMatch(s ->
                        s.n() == n && !DocumentPage.hitsOnPage(found.hits(), s).isEmpty());
        Optional<String> hocr = doc.objects(Fields.PAGES).stream()
                .filter(p -> Integer.valueOf(n).equals(p.integer(Fields.PAGE_N)))
                .map(p -> p.text(Fields.PAGE_HOCR))
                .filter(h -> h != null)
                .findFirst();
        if (!hitOnPage || hocr.isEmpty()) {
            return Mono.just(PageWords.NONE);
        }
        return files.read(hocr.get()).map(bytes -> bytes.map(PageWords::parse).orElse(PageWords.NONE));
    }
}
