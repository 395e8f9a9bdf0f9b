package org.wenshi.portal.compilations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wenshi.portal.compilations.CompilationRecords.Chapter;
import org.wenshi.portal.compilations.CompilationRecords.Compilation;
import org.wenshi.portal.compilations.CompilationRecords.History;
import org.wenshi.portal.compilations.CompilationRecords.Item;
import org.wenshi.portal.compilations.CompilationRecords.Listing;
import org.wenshi.portal.compilations.CompilationService.ChapterOrder;
import org.wenshi.portal.compilations.CompilationService.Gather;
import org.wenshi.portal.compilations.CompilationService.ItemOrder;
import org.wenshi.portal.compilations.CompilationService.Rewrite;
import org.wenshi.portal.compilations.CompilationService.VersionConflict;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ErrorBody;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The editors' JSON API ({@code contract.md}, "Editors"): a signed-in session or HTTP Basic with the
 * role {@code editor} or {@code admin} (see {@code SecurityConfig}). Writes take JSON; a body that
 * is not what the contract says gets a 400 naming the field, and changes nothing.
 */
@RestController
public class CompilationsApiController {
    static final String BASE = "/api/compilations";

    private final CompilationService compilations;
    private final Manuscript manuscript;

    public CompilationsApiController(CompilationService compilations, Manuscript manuscript) {
        this.compilations = compilations;
        this.manuscript = manuscript;
    }

    @GetMapping(value = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Listing> list() {
        return compilations.list().collectList().map(Listing::new);
    }

    @PostMapping(value = BASE, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Compilation>> create(Authentication user, @RequestBody(required = false) JsonNode body) {
        JsonNode b = object(body);
        return compilations
                .create(user.getName(), text(b, "title", true), text(b, "preface", false))
                .map(c -> ResponseEntity.created(java.net.URI.create(BASE + "/" + c.id()))
                        .body(c));
    }

    @GetMapping(value = BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Compilation> get(@PathVariable String id) {
        return compilations.view(id(id));
    }

    @GetMapping(value = BASE + "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<History> history(@PathVariable String id) {
        long cid = id(id);
        return compilations.history(cid).map(events -> new History(cid, events));
    }

    @PostMapping(
            value = BASE + "/{id}/chapters",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Chapter>> addChapter(
            Authentication user, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        long cid = id(id);
        JsonNode b = object(body);
        return compilations
                .addChapter(user.getName(), cid, text(b, "title", true))
                .map(c -> ResponseEntity.status(HttpStatus.CREATED).body(c));
    }

    @PostMapping(
            value = BASE + "/{id}/items",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Item>> addItem(
            Authentication user, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        long cid = id(id);
        JsonNode b = object(body);
        Long chapter = number(b, "chapter_id", true);
        Gather gather = new Gather(
                chapter, text(b, "doc_id", true), integer(b, "start"), integer(b, "end"), text(b, "note", false));
        return compilations.addItem(user.getName(), cid, gather).map(i -> ResponseEntity.status(HttpStatus.CREATED)
                .body(i));
    }

    @PutMapping(
            value = BASE + "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Object>> update(
            Authentication user, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        long cid = id(id);
        Rewrite rewrite = rewrite(object(body));
        return compilations
                .update(user.getName(), cid, rewrite)
                .map(c -> ResponseEntity.ok((Object) c))
                .onErrorResume(VersionConflict.class, this::conflict);
    }

    @DeleteMapping(value = BASE + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Object>> delete(
            Authentication user, @PathVariable String id, @RequestParam(required = false) String version) {
        long cid = id(id);
        if (version == null || !version.matches("\\d{1,9}")) {
            throw ApiException.badRequest(
                    "missing_version", "version=N (the version you read) is required / 缺少 version");
        }
        return compilations
                .delete(user.getName(), cid, Integer.parseInt(version))
                .then(Mono.just(ResponseEntity.noContent().build()))
                .onErrorResume(VersionConflict.class, this::conflict);
    }

    @GetMapping(BASE + "/{id}/export.docx")
    public Mono<ResponseEntity<byte[]>> docx(@PathVariable String id) {
        long cid = id(id);
        return compilations.view(cid).flatMap(manuscript::docx).map(bytes -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Manuscript.DOCX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("compilation-" + cid + ".docx")
                                .build()
                                .toString())
                .body(bytes));
    }

    /** 409: what is current, and what happened since the version the writer had read. */
    private Mono<ResponseEntity<Object>> conflict(VersionConflict e) {
        return Mono.zip(compilations.view(e.compilationId), compilations.since(e.compilationId, e.version))
                .map(t -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put(
                            "error",
                            ErrorBody.of(
                                            "version_conflict",
                                            "Someone saved this compilation after version " + e.version
                                                    + "; nothing was changed. Reload, then apply your change again"
                                                    + " / 汇编已被他人修改，本次未保存，请刷新后重试")
                                    .error());
                    body.put("current", t.getT1());
                    body.put("changes", t.getT2());
                    return ResponseEntity.status(HttpStatus.CONFLICT).body((Object) body);
                });
    }

    static Rewrite rewrite(JsonNode b) {
        Long version = number(b, "version", true);
        JsonNode chapters = b.get("chapters");
        if (chapters == null || !chapters.isArray()) {
            throw ApiException.badRequest(
                    "missing_chapters", "chapters (an array, in the new order) is required / 缺少 chapters");
        }
        List<ChapterOrder> order = new ArrayList<>();
        for (JsonNode h : chapters) {
            JsonNode c = object(h);
            JsonNode items = c.get("items");
            if (items != null && !items.isArray() && !items.isNull()) {
                throw ApiException.badRequest("invalid_items", "a chapter's items is an array");
            }
            List<ItemOrder> its = new ArrayList<>();
            if (items != null && items.isArray()) {
                for (JsonNode i : items) {
                    JsonNode io = i.isNumber() ? null : object(i);
                    its.add(
                            io == null
                                    ? new ItemOrder(i.asLong(), null)
                                    : new ItemOrder(number(io, "id", true), text(io, "note", false)));
                }
            }
            order.add(new ChapterOrder(number(c, "id", false), text(c, "title", true), its));
        }
        return new Rewrite(version.intValue(), text(b, "title", true), text(b, "preface", false), order);
    }

    static long id(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw ApiException.notFound("compilation_not_found", "There is no such compilation / 没有这个汇编");
        }
        return Long.parseLong(id);
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object / 请求体须为 JSON 对象");
        }
        return body;
    }

    static String text(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest("missing_" + field, field + " is required / 缺少 " + field);
            }
            return null;
        }
        if (!v.isString()) {
            throw ApiException.badRequest("invalid_" + field, field + " must be a string / " + field + " 须为字符串");
        }
        return v.asString();
    }

    static Long number(JsonNode b, String field, boolean required) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest("missing_" + field, field + " is required / 缺少 " + field);
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw ApiException.badRequest("invalid_" + field, field + " must be a whole number / " + field + " 须为非负整数");
        }
        return v.asLong();
    }

    static Integer integer(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.badRequest("invalid_" + field, field + " must be a whole number / " + field + " 须为整数");
        }
        return v.asInt();
    }
}
