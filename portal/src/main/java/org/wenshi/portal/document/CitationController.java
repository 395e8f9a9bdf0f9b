package org.wenshi.portal.document;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wenshi.portal.system.ApiException;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * {@code /doc/{id}/citation.ris}, {@code .bib} and {@code .json} (CSL-JSON): a document's citation as
 * a file to import into a reference manager. An unknown format is a 400, an unknown document 404.
 */
@RestController
public class CitationController {
    private static final List<String> CITATION_FIELDS = List.of(
            Fields.ID,
            Fields.TITLE,
            Fields.AUTHOR,
            Fields.EDITORS,
            Fields.SERIES,
            Fields.VOLUME,
            Fields.PUBLISHER,
            Fields.SOURCE,
            Fields.TYPE,
            Fields.YEAR,
            Fields.DATE,
            Fields.URL,
            Fields.PAGE_LABEL);

    private final DocumentService documents;

    public CitationController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/doc/{id}/citation.{format}")
    public Mono<ResponseEntity<String>> export(@PathVariable String id, @PathVariable String format) {
        CitationExport export = CitationExport.byExtension(format);
        if (export == null) {
            return Mono.error(ApiException.badRequest(
                    "unknown_format", "Citation formats: ris, bib, json / 引用导出格式只有 ris、bib、json"));
        }
        return documents.fields(id, CITATION_FIELDS).map(doc -> {
            Citation citation = Citation.of(doc);
            String body = export.write(citation, LocalDate.now(Citation.CHINA));
            return ResponseEntity.ok()
                    .contentType(export.mediaType())
                    .header(
                            "Content-Disposition",
                            ContentDisposition.attachment()
                                    .filename(
                                            id.replaceAll("[^A-Za-z0-9._-]", "_") + "." + export.extension(),
                                            StandardCharsets.UTF_8)
                                    .build()
                                    .toString())
                    .body(body);
        });
    }
}
