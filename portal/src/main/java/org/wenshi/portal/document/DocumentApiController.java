package org.wenshi.portal.document;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/documents/{id}} and {@code GET /api/documents?url=}: one whole document as JSON. */
@RestController
public class DocumentApiController {
    private final DocumentService documents;

    public DocumentApiController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/api/documents/{id}")
    public Mono<DocumentView> byId(@PathVariable String id) {
        return documents.byId(id);
    }

    @GetMapping("/api/documents")
    public Mono<DocumentView> byUrl(@RequestParam(name = "url", required = false) String url) {
        return documents.byUrl(url);
    }
}
