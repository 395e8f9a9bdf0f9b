package org.wenshi.portal.document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenshi.portal.document.DocumentFiles.StoredFile;
import org.wenshi.portal.system.ApiException;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * The files of a document from the store: {@code /doc/{id}/pages/{n}/image}, {@code .../thumb}
 * and {@code /doc/{id}/original}. The path of the file is read from the indexed document, never
 * taken from the URL. A URL carrying the document's current version ({@code ?v=}, as the page and
 * the API write them) is cached for a year as immutable; without it the browser revalidates with
 * the ETag. Files are sent by the reactive resource writer (zero-copy), never read on an event loop.
 * An original is always a download ({@code attachment}, {@code nosniff}, sandboxed): a stored HTML
 * page must not run in the portal's origin.
 */
@RestController
public class DocumentFileController {
    static final Duration REVALIDATE = Duration.ofMinutes(5);
    static final Duration IMMUTABLE = Duration.ofDays(365);
    private static final List<String> FILE_FIELDS = List.of(
            Fields.ID,
            Fields.TITLE,
            Fields.ORIGINAL,
            Fields.MEDIA_TYPE,
            Fields.CONTENT_HASH,
            Fields.INGESTED_AT,
            Fields.PAGE_N,
            Fields.PAGE_IMAGE,
            Fields.PAGE_THUMBNAIL);

    private final DocumentService documents;
    private final DocumentFiles files;

    public DocumentFileController(DocumentService documents, DocumentFiles files) {
        this.documents = documents;
        this.files = files;
    }

    /** {@code image}: the page for reading; {@code thumb}: its thumbnail. Any other kind is not a route. */
    @GetMapping("/doc/{id}/pages/{n}/{kind:image|thumb}")
    public Mono<ResponseEntity<Resource>> pageFile(
            @PathVariable String id,
            @PathVariable String n,
            @PathVariable String kind,
            @RequestParam(name = "v", required = false) String v,
            ServerHttpRequest request) {
        return page(id, n, kind.equals("image") ? Fields.PAGE_IMAGE : Fields.PAGE_THUMBNAIL, v, request);
    }

    @GetMapping("/doc/{id}/original")
    public Mono<ResponseEntity<Resource>> original(
            @PathVariable String id, @RequestParam(name = "v", required = false) String v, ServerHttpRequest request) {
        return documents.fields(id, FILE_FIELDS).flatMap(doc -> {
            String relative = doc.text(Fields.ORIGINAL);
            if (relative == null) {
                return Mono.error(fileNotFound());
            }
            return serve(doc, relative, v, request, true);
        });
    }

    private Mono<ResponseEntity<Resource>> page(
            String id, String n, String field, String v, ServerHttpRequest request) {
        int number;
        try {
            number = DocumentPageController.pageNumber(n);
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return documents.fields(id, FILE_FIELDS).flatMap(doc -> {
            String relative = doc.objects(Fields.PAGES).stream()
                    .filter(p -> Integer.valueOf(number).equals(p.integer(Fields.PAGE_N)))
                    .map(p -> p.text(field))
                    .filter(r -> r != null)
                    .findFirst()
                    .orElse(null);
            if (relative == null) {
                return Mono.error(fileNotFound());
            }
            return serve(doc, relative, v, request, false);
        });
    }

    private Mono<ResponseEntity<Resource>> serve(
            StoredDocument doc, String relative, String v, ServerHttpRequest request, boolean download) {
        String version = DocumentView.version(doc);
        return files.find(relative).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.error(fileNotFound());
            }
            StoredFile file = found.get();
            String etag = file.etag(version);
            CacheControl cache = version.equals(v)
                    ? CacheControl.maxAge(IMMUTABLE).cachePublic().immutable()
                    : CacheControl.maxAge(REVALIDATE).cachePublic();
            HttpHeaders headers = new HttpHeaders();
            headers.setETag(etag);
            headers.setCacheControl(cache);
            headers.set("X-Content-Type-Options", "nosniff");
            if (request.getHeaders().getIfNoneMatch().contains(etag)) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                        .headers(headers)
                        .<Resource>build());
            }
            String name = file.path().getFileName().toString();
            MediaType type = mediaType(name, download ? doc.text(Fields.MEDIA_TYPE) : null);
            headers.setContentType(type);
            headers.setLastModified(file.modifiedMillis());
            if (download) {
                headers.setContentDisposition(ContentDisposition.attachment()
                        .filename(downloadName(doc, name), StandardCharsets.UTF_8)
                        .build());
                headers.set("Content-Security-Policy", "sandbox");
            }
            return Mono.just(ResponseEntity.ok().headers(headers).<Resource>body(new FileSystemResource(file.path())));
        });
    }

    /** The stored media type of an original when it parses, else the one its file name implies. */
    static MediaType mediaType(String fileName, String stored) {
        if (stored != null) {
            try {
                MediaType t = MediaType.parseMediaType(stored);
                if (!t.isWildcardType() && !t.isWildcardSubtype()) {
                    return t;
                }
            } catch (IllegalArgumentException e) {
                // fall back to the name
            }
        }
        return MediaTypeFactory.getMediaType(fileName).orElse(MediaType.APPLICATION_OCTET_STREAM);
    }

    /** {@code 标题.pdf}: the title (else the id) with the stored file's extension. */
    static String downloadName(StoredDocument doc, String storedName) {
        int dot = storedName.lastIndexOf('.');
        String extension = dot > 0 ? storedName.substring(dot) : "";
        String title = doc.text(Fields.TITLE);
        String base = title == null
                ? doc.id()
                : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return (base.isEmpty() ? doc.id() : base) + extension;
    }

    private static ApiException fileNotFound() {
        return ApiException.notFound("file_not_found", "This document has no such file / 该文档没有此文件");
    }
}
