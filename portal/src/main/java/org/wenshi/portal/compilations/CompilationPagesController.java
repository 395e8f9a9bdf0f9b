package org.wenshi.portal.compilations;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.wenshi.portal.compilations.CompilationRecords.Compilation;
import org.wenshi.portal.compilations.CompilationService.Gather;
import org.wenshi.portal.document.DocumentService;
import org.wenshi.portal.system.ApiException;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Mono;

/**
 * The editors' pages: {@code /compilations} (the list and a form to start one), {@code
 * /compilations/{id}} (chapters and items, reordered by drag and drop or the move buttons, notes,
 * history; saved through the JSON API with the version read), {@code /compilations/{id}/preview}
 * (the manuscript as HTML) and {@code /compilations/gather} (where "add to compilation" on a document
 * page or a search result leads: pick the compilation and chapter). Forms post with the session's
 * CSRF token; a rejected form renders again with the message and its 4xx.
 */
@Controller
public class CompilationPagesController {
    private static final List<String> STYLESHEETS = List.of("/css/editors.css");

    private final CompilationService compilations;
    private final DocumentService documents;

    public CompilationPagesController(CompilationService compilations, DocumentService documents) {
        this.compilations = compilations;
        this.documents = documents;
    }

    @GetMapping("/compilations")
    public Mono<Rendering> list() {
        return listing(HttpStatus.OK, null);
    }

    private Mono<Rendering> listing(HttpStatus status, String error) {
        return compilations.list().collectList().map(l -> Rendering.view("compilations")
                .status(status)
                .modelAttribute("compilations", l)
                .modelAttribute("formError", error)
                .modelAttribute("stylesheets", STYLESHEETS)
                .build());
    }

    @PostMapping(value = "/compilations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<Rendering> create(Authentication user, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> Mono.defer(
                        () -> compilations.create(user.getName(), form.getFirst("title"), form.getFirst("preface")))
                .map(c -> Rendering.redirectTo("/compilations/" + c.id()).build())
                .onErrorResume(ApiException.class, e -> listing(e.status(), e.getMessage())));
    }

    @GetMapping("/compilations/{id}")
    public Mono<Rendering> edit(@PathVariable String id) {
        long cid = CompilationsApiController.id(id);
        return Mono.zip(compilations.view(cid), compilations.history(cid)).map(t -> Rendering.view("compilation")
                .modelAttribute("compilation", t.getT1())
                .modelAttribute("history", newestFirst(t.getT2()))
                .modelAttribute("stylesheets", STYLESHEETS)
                .build());
    }

    private static <T> List<T> newestFirst(List<T> events) {
        List<T> copy = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @PostMapping(value = "/compilations/{id}/chapters", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<Rendering> addChapter(Authentication user, @PathVariable String id, ServerWebExchange exchange) {
        long cid = CompilationsApiController.id(id);
        return exchange.getFormData()
                .flatMap(form -> Mono.defer(() -> compilations.addChapter(user.getName(), cid, form.getFirst("title")))
                        .map(h -> Rendering.redirectTo("/compilations/" + cid + "#chapter-" + h.id())
                                .build()));
    }

    @GetMapping("/compilations/{id}/preview")
    public Mono<Rendering> preview(@PathVariable String id) {
        long cid = CompilationsApiController.id(id);
        return compilations.view(cid).map(c -> Rendering.view("compilation-preview")
                .modelAttribute("compilation", c)
                .modelAttribute("bibliography", bibliography(c))
                .modelAttribute("numbers", footnoteNumbers(c))
                .modelAttribute("stylesheets", STYLESHEETS)
                .build());
    }

    /** Item id → its footnote's number, 1… in the order of the manuscript. */
    static Map<Long, Integer> footnoteNumbers(Compilation c) {
        Map<Long, Integer> numbers = new java.util.HashMap<>();
        c.chapters().stream().flatMap(h -> h.items().stream()).forEach(i -> numbers.put(i.id(), numbers.size() + 1));
        return numbers;
    }

    /** Every source once, in order of first use: the manuscript's 参考文献. */
    static List<String> bibliography(Compilation c) {
        return c.chapters().stream()
                .flatMap(h -> h.items().stream())
                .map(i -> i.bibliography() != null ? i.bibliography() : i.citation())
                .distinct()
                .toList();
    }

    /** Where "add to compilation" leads: the passage, and the compilations and chapters to put it in. */
    @GetMapping("/compilations/gather")
    public Mono<Rendering> gatherForm(
            @RequestParam(required = false) String doc,
            @RequestParam(required = false) String start,
            @RequestParam(required = false) String end) {
        return gatherPage(HttpStatus.OK, doc, start, end, null, null);
    }

    private Mono<Rendering> gatherPage(
            HttpStatus status, String doc, String start, String end, String note, String error) {
        String docId = DocumentService.checkId(doc);
        Integer s = offset(start);
        Integer e = offset(end);
        return documents
                .fields(docId, List.of(Fields.ID, Fields.TITLE, Fields.TEXT))
                .flatMap(d -> {
                    String text = d.text(Fields.TEXT) == null ? "" : d.text(Fields.TEXT);
                    boolean passage = s != null && e != null && s >= 0 && e > s && e <= text.length();
                    String quote = passage ? text.substring(s, e) : null;
                    return compilations
                            .list()
                            .concatMap(sum -> compilations.view(sum.id()))
                            .collectList()
                            .map(all -> Rendering.view("gather")
                                    .status(status)
                                    .modelAttribute("docId", d.id())
                                    .modelAttribute("docTitle", d.text(Fields.TITLE))
                                    .modelAttribute("start", passage ? s : null)
                                    .modelAttribute("end", passage ? e : null)
                                    .modelAttribute("quote", quote)
                                    .modelAttribute("length", text.length())
                                    .modelAttribute("compilations", all)
                                    .modelAttribute("note", note)
                                    .modelAttribute("formError", error)
                                    .modelAttribute("stylesheets", STYLESHEETS)
                                    .build());
                });
    }

    @PostMapping(value = "/compilations/gather", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<Rendering> gather(Authentication user, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String target = form.getFirst("target");
            Map.Entry<Long, Long> where = target(target);
            Mono<Rendering> added = Mono.defer(() -> compilations.addItem(
                            user.getName(),
                            where.getKey(),
                            new Gather(
                                    where.getValue(),
                                    form.getFirst("doc_id"),
                                    offset(form.getFirst("start")),
                                    offset(form.getFirst("end")),
                                    form.getFirst("note"))))
                    .map(i -> Rendering.redirectTo("/compilations/" + where.getKey() + "#item-" + i.id())
                            .build());
            return added.onErrorResume(
                    ApiException.class,
                    e -> gatherPage(
                            e.status(),
                            form.getFirst("doc_id"),
                            form.getFirst("start"),
                            form.getFirst("end"),
                            form.getFirst("note"),
                            e.getMessage()));
        });
    }

    /** {@code compilationId:chapterId}, as the gather form's options carry them. */
    static Map.Entry<Long, Long> target(String target) {
        if (target == null || !target.matches("\\d{1,18}:\\d{1,18}")) {
            throw ApiException.badRequest("missing_chapter", "Choose a chapter of a compilation / 请选择汇编和章节");
        }
        String[] parts = target.split(":");
        return Map.entry(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private static Integer offset(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("-?\\d{1,9}")) {
            throw ApiException.badRequest("invalid_offsets", "start and end are character positions / 位置须为整数");
        }
        return Integer.valueOf(value.strip());
    }
}
