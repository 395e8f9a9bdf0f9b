package org.wenshi.portal.document;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /doc/{id}}: a document's page (title, metadata, full text). An unknown id or an
 * unavailable search engine ends on the error page with 404 or 503.
 */
@Controller
public class DocumentPageController {
    private final DocumentService documents;

    public DocumentPageController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/doc/{id}")
    public Mono<Rendering> document(@PathVariable String id) {
        return documents.byId(id).map(doc -> Rendering.view("document")
                .modelAttribute("doc", doc)
                .build());
    }
}
