package org.wenshi.portal.compilations;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wenshi.portal.compilations.CompilationRecords.Chapter;
import org.wenshi.portal.compilations.CompilationRecords.Compilation;
import org.wenshi.portal.compilations.CompilationRecords.Event;
import org.wenshi.portal.compilations.CompilationRecords.Item;
import org.wenshi.portal.compilations.CompilationRecords.Reprint;
import org.wenshi.portal.compilations.CompilationRecords.Summary;
import org.wenshi.portal.compilations.CompilationRepository.ChapterRow;
import org.wenshi.portal.compilations.CompilationRepository.CompilationRow;
import org.wenshi.portal.compilations.CompilationRepository.ItemRow;
import org.wenshi.portal.document.Citation;
import org.wenshi.portal.document.DocumentService;
import org.wenshi.portal.document.StoredDocument;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.ElasticsearchAccess;
import org.wenshi.schema.Fields;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What editors do to compilations, and the rules that keep their work safe: every write runs in one
 * transaction, raises the version by one and leaves a line in the history; a rewrite ({@link
 * #update}) that names a version other than the current one changes nothing and fails with {@link
 * VersionConflict}; an item is checked against the document as the archive has it at the time
 * (offsets inside its text) and keeps the quoted text, the page and the citation of that moment.
 */
@Service
public class CompilationService {
    private static final Logger log = LoggerFactory.getLogger(CompilationService.class);

    static final int MAX_TITLE = 500;
    static final int MAX_PREFACE = 50_000;
    static final int MAX_NOTE = 10_000;
    static final int MAX_CHAPTERS = 200;
    static final int MAX_ITEMS = 2_000;
    /** The fields an item needs of its document: text, pages' offsets and what the citation says. */
    static final List<String> DOCUMENT_FIELDS = List.of(
            Fields.ID,
            Fields.TITLE,
            Fields.TEXT,
            Fields.PAGE_N,
            Fields.PAGE_LABEL,
            Fields.PAGE_START_OFFSET,
            Fields.PAGE_END_OFFSET,
            Fields.CONTENT_HASH,
            Fields.AUTHOR,
            Fields.EDITORS,
            Fields.SERIES,
            Fields.VOLUME,
            Fields.PUBLISHER,
            Fields.SOURCE,
            Fields.YEAR,
            Fields.DATE,
            Fields.URL,
            Fields.TYPE);

    private static final List<String> CURRENT_FIELDS =
            List.of(Fields.ID, Fields.TEXT, Fields.CONTENT_HASH, Fields.DUPLICATE_GROUP);

    /** A rewrite named a version that is not the current one. */
    public static final class VersionConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long compilationId;
        final int version;

        VersionConflict(long compilationId, int version) {
            super("version " + version + " is not the current version of compilation " + compilationId);
            this.compilationId = compilationId;
            this.version = version;
        }
    }

    private final CompilationRepository repository;
    private final DocumentService documents;
    private final ElasticsearchAccess elasticsearch;
    private final TransactionalOperator tx;

    public CompilationService(
            CompilationRepository repository,
            DocumentService documents,
            ElasticsearchAccess elasticsearch,
            TransactionalOperator tx) {
        this.repository = repository;
        this.documents = documents;
        this.elasticsearch = elasticsearch;
        this.tx = tx;
    }

    public Flux<Summary> list() {
        return repository
                .list()
                .map(r -> new Summary(
                        r.id(), r.title(), r.version(), r.updatedAt(), (int) r.chapters(), (int) r.items()));
    }

    public Mono<Compilation> create(String user, String title, String preface) {
        String t = checkTitle(title);
        String p = checkPreface(preface);
        return repository
                .insert(t, p, user)
                .flatMap(id ->
                        repository.record(id, 1, user, "create", "《" + t + "》").thenReturn(id))
                .as(tx::transactional)
                .flatMap(this::view);
    }

    public Mono<Chapter> addChapter(String user, long compilationId, String title) {
        String t = checkTitle(title);
        return repository
                .find(compilationId, true)
                .switchIfEmpty(Mono.error(noCompilation()))
                .flatMap(c -> repository.chapters(compilationId).count())
                .flatMap(n -> n >= MAX_CHAPTERS
                        ? Mono.error(ApiException.badRequest(
                                "too_many_chapters", "A compilation has at most " + MAX_CHAPTERS + " chapters"))
                        : repository.insertChapter(compilationId, t))
                .flatMap(id -> repository
                        .bump(compilationId)
                        .flatMap(v -> repository.record(compilationId, v, user, "add_chapter", "「" + t + "」"))
                        .thenReturn(new Chapter(id, t, List.of())))
                .as(tx::transactional);
    }

    /** What a request to gather asks for: the whole document when {@code start} and {@code end} are null. */
    public record Gather(long chapterId, String docId, Integer start, Integer end, String note) {}

    public Mono<Item> addItem(String user, long compilationId, Gather gather) {
        DocumentService.checkId(gather.docId());
        if ((gather.start() == null) != (gather.end() == null)) {
            throw ApiException.badRequest(
                    "invalid_offsets",
                    "Give both start and end, or neither for the whole document / start 与 end 需同时给出");
        }
        if (gather.start() != null && gather.end() <= gather.start()) {
            throw ApiException.badRequest("invalid_offsets", "end must be after start / end 必须大于 start");
        }
        if (gather.start() != null && gather.start() < 0) {
            throw ApiException.badRequest("invalid_offsets", "start must not be negative / start 不能为负");
        }
        String note = Objects.requireNonNullElse(checkNote(gather.note()), "");
        return documents
                .fields(gather.docId(), DOCUMENT_FIELDS)
                .onErrorMap(
                        e -> e instanceof ApiException a && a.status() == HttpStatus.NOT_FOUND,
                        e -> ApiException.notFound(
                                "document_not_found", "No document " + gather.docId() + " in the archive / 没有这个文档"))
                .map(doc -> itemRow(user, doc, gather, note))
                .flatMap(row -> repository
                        .find(compilationId, true)
                        .switchIfEmpty(Mono.error(noCompilation()))
                        .flatMap(c -> repository.chapters(compilationId).collectList())
                        .flatMap(chapters -> {
                            if (chapters.stream().noneMatch(h -> h.id() == gather.chapterId())) {
                                return Mono.error(ApiException.notFound(
                                        "chapter_not_found",
                                        "Chapter " + gather.chapterId() + " is not in this compilation / 没有这个章节"));
                            }
                            return repository.items(compilationId).count();
                        })
                        .flatMap(n -> n >= MAX_ITEMS
                                ? Mono.error(ApiException.badRequest(
                                        "too_many_items", "A compilation has at most " + MAX_ITEMS + " items"))
                                : repository.insertItem(compilationId, gather.chapterId(), row))
                        .flatMap(id -> repository
                                .bump(compilationId)
                                .flatMap(v -> repository.record(compilationId, v, user, "add_item", describe(row)))
                                .thenReturn(id))
                        .as(tx::transactional))
                .flatMap(id -> view(compilationId))
                .map(c -> c.chapters().stream()
                        .flatMap(h -> h.items().stream())
                        .filter(i -> i.docId().equals(gather.docId()))
                        .reduce((a, b) -> a.id() > b.id() ? a : b)
                        .orElseThrow());
    }

    static String describe(ItemRow row) {
        String title = row.docTitle() == null ? row.docId() : row.docTitle();
        return row.whole()
                ? "《" + title + "》全文"
                : "《" + title + "》[" + row.start() + "–" + row.end() + "]"
                        + (row.page() == null ? "" : " 第" + row.page() + "页");
    }

    /** The row an item is stored as, read off the document as the archive has it now. */
    static ItemRow itemRow(String user, StoredDocument doc, Gather gather, String note) {
        String text = doc.text(Fields.TEXT);
        text = text == null ? "" : text;
        boolean whole = gather.start() == null;
        int start = whole ? 0 : gather.start();
        int end = whole ? text.length() : gather.end();
        if (end > text.length()) {
            throw ApiException.badRequest(
                    "offsets_out_of_range",
                    "The document's text has " + text.length() + " characters; " + start + "–" + end
                            + " is outside it / 位置超出文档正文范围");
        }
        if (whole && text.isEmpty()) {
            throw ApiException.badRequest("empty_document", "The document has no text to quote / 该文档没有正文");
        }
        Integer page = null;
        String label = null;
        for (StoredDocument p : doc.objects(Fields.PAGES)) {
            Integer s = p.integer(Fields.PAGE_START_OFFSET);
            Integer e = p.integer(Fields.PAGE_END_OFFSET);
            if (s != null && e != null && start >= s && start <= e) {
                page = p.integer(Fields.PAGE_N);
                label = p.text(Fields.PAGE_LABEL);
                break;
            }
        }
        Citation citation = Citation.of(doc);
        String printed = label != null ? label : page != null ? String.valueOf(page) : null;
        return new ItemRow(
                0,
                gather.chapterId(),
                0,
                doc.id(),
                whole,
                start,
                end,
                page,
                label,
                text.substring(start, end),
                doc.text(Fields.CONTENT_HASH),
                doc.text(Fields.TITLE),
                whole ? citation.gbt7714() : citation.gbt7714AtPage(printed),
                citation.gbt7714(),
                note,
                user,
                null);
    }

    /** The compilation as it is now; 404 when there is none. */
    public Mono<Compilation> view(long id) {
        return repository
                .find(id, false)
                .switchIfEmpty(Mono.error(noCompilation()))
                .flatMap(c -> Mono.zip(
                                repository.chapters(id).collectList(),
                                repository.items(id).collectList())
                        .flatMap(t -> current(t.getT2()).map(now -> assemble(c, t.getT1(), t.getT2(), now))));
    }

    /** Stored rows as the stored item rows (for the manuscript's bibliography), in order. */
    Mono<List<ItemRow>> rows(long id) {
        return repository.items(id).collectList();
    }

    /** What the archive has today of the gathered documents, with each one's printings. */
    record Current(Map<String, StoredDocument> documents, Map<String, List<Reprint>> printings, boolean known) {}

    private Mono<Current> current(List<ItemRow> items) {
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.add(i.docId()));
        if (ids.isEmpty()) {
            return Mono.just(new Current(Map.of(), Map.of(), true));
        }
        String alias = elasticsearch.names().alias();
        List<String> idList = List.copyOf(ids);
        return elasticsearch
                .execute(
                        "compilation-sources",
                        es -> es.search(
                                s -> s.index(alias)
                                        .query(q -> q.bool(b -> b.should(x -> x.ids(i -> i.values(idList)))
                                                .should(x -> x.terms(t -> t.field(Fields.ID)
                                                        .terms(v -> v.value(idList.stream()
                                                                .map(
                                                                        co.elastic.clients.elasticsearch._types
                                                                                        .FieldValue::of)
                                                                .toList()))))
                                                .minimumShouldMatch("1")))
                                        .source(src -> src.filter(f -> f.includes(CURRENT_FIELDS)))
                                        .size(idList.size()),
                                ObjectNode.class))
                .flatMap(r -> {
                    Map<String, StoredDocument> docs = new HashMap<>();
                    for (Hit<ObjectNode> h : r.hits().hits()) {
                        StoredDocument d = StoredDocument.of(h.id(), h.source());
                        docs.put(d.id(), d);
                    }
                    Set<String> groups = new HashSet<>();
                    docs.values().forEach(d -> {
                        String g = d.text(Fields.DUPLICATE_GROUP);
                        if (g != null) {
                            groups.add(g);
                        }
                    });
                    return printings(alias, groups).map(p -> new Current(docs, p, true));
                })
                .onErrorResume(e -> {
                    log.warn("Gathered documents could not be checked against the archive: {}", e.toString());
                    return Mono.just(new Current(Map.of(), Map.of(), false));
                });
    }

    private Mono<Map<String, List<Reprint>>> printings(String alias, Set<String> groups) {
        if (groups.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<co.elastic.clients.elasticsearch._types.FieldValue> values = groups.stream()
                .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                .toList();
        return elasticsearch
                .execute(
                        "compilation-printings",
                        es -> es.search(
                                s -> s.index(alias)
                                        .query(q -> q.terms(t ->
                                                t.field(Fields.DUPLICATE_GROUP).terms(v -> v.value(values))))
                                        .source(src -> src.filter(f -> f.includes(
                                                Fields.ID,
                                                Fields.TITLE,
                                                Fields.SOURCE,
                                                Fields.DATE,
                                                Fields.CANONICAL,
                                                Fields.DUPLICATE_GROUP)))
                                        .size(Math.min(1000, 20 * groups.size())),
                                ObjectNode.class))
                .map(r -> {
                    Map<String, List<Reprint>> byGroup = new HashMap<>();
                    for (Hit<ObjectNode> h : r.hits().hits()) {
                        StoredDocument d = StoredDocument.of(h.id(), h.source());
                        byGroup.computeIfAbsent(d.text(Fields.DUPLICATE_GROUP), g -> new ArrayList<>())
                                .add(new Reprint(
                                        d.id(),
                                        d.text(Fields.TITLE),
                                        d.text(Fields.SOURCE),
                                        d.date(Fields.DATE),
                                        !"false".equals(d.text(Fields.CANONICAL))));
                    }
                    return byGroup;
                });
    }

    static Compilation assemble(CompilationRow c, List<ChapterRow> chapters, List<ItemRow> items, Current now) {
        Map<Long, List<ItemRow>> byChapter = new LinkedHashMap<>();
        chapters.forEach(h -> byChapter.put(h.id(), new ArrayList<>()));
        Map<String, Integer> uses = new HashMap<>();
        for (ItemRow i : items) {
            byChapter.computeIfAbsent(i.chapterId(), k -> new ArrayList<>()).add(i);
            uses.merge(textKey(i.docId(), now), 1, Integer::sum);
        }
        List<Chapter> out = new ArrayList<>();
        for (ChapterRow h : chapters) {
            List<Item> its = new ArrayList<>();
            for (ItemRow i : byChapter.get(h.id())) {
                its.add(item(i, now, uses.get(textKey(i.docId(), now)) > 1));
            }
            out.add(new Chapter(h.id(), h.title(), List.copyOf(its)));
        }
        return new Compilation(
                c.id(), c.title(), c.preface(), c.version(), c.createdBy(), c.updatedAt(), List.copyOf(out));
    }

    /** The same text: the same document, or any printing of its duplicate group. */
    private static String textKey(String docId, Current now) {
        StoredDocument d = now.documents().get(docId);
        String group = d == null ? null : d.text(Fields.DUPLICATE_GROUP);
        return group != null ? "group:" + group : "doc:" + docId;
    }

    static Item item(ItemRow i, Current now, boolean duplicate) {
        StoredDocument d = now.documents().get(i.docId());
        boolean missing = now.known() && d == null;
        boolean changed = false;
        String currentText = null;
        Integer foundAt = null;
        if (d != null) {
            String text = Objects.requireNonNullElse(d.text(Fields.TEXT), "");
            String there = i.whole() ? text : i.end() <= text.length() ? text.substring(i.start(), i.end()) : null;
            changed = !i.quotedText().equals(there);
            if (changed) {
                currentText = there;
                int at = i.whole() ? -1 : text.indexOf(i.quotedText());
                foundAt = at >= 0 ? at : null;
            }
        }
        List<Reprint> reprints = null;
        String group = d == null ? null : d.text(Fields.DUPLICATE_GROUP);
        if (group != null && now.printings().containsKey(group)) {
            reprints = now.printings().get(group).stream()
                    .filter(r -> !r.id().equals(i.docId()))
                    .toList();
        }
        return new Item(
                i.id(),
                i.docId(),
                i.docTitle(),
                i.whole(),
                i.start(),
                i.end(),
                i.page(),
                i.pageLabel(),
                i.quotedText(),
                i.note(),
                i.citation(),
                i.bibliography(),
                changed,
                missing,
                currentText,
                foundAt,
                duplicate,
                reprints == null || reprints.isEmpty() ? null : reprints,
                i.addedBy(),
                i.addedAt());
    }

    /** A chapter of a rewrite: an existing one ({@code id}) or a new one ({@code id == null}). */
    public record ChapterOrder(Long id, String title, List<ItemOrder> items) {}

    /** An item of a rewrite, in its new place; {@code note == null} keeps its note. */
    public record ItemOrder(long id, String note) {}

    /** A whole rewrite: title, preface and the chapters in their new order. */
    public record Rewrite(int version, String title, String preface, List<ChapterOrder> chapters) {}

    /**
     * Replaces title, preface and the order of chapters and items; chapters and items left out are
     * removed. Fails with {@link VersionConflict} (nothing changed) when {@code version} is stale.
     */
    public Mono<Compilation> update(String user, long id, Rewrite rewrite) {
        String title = checkTitle(rewrite.title());
        String preface = checkPreface(rewrite.preface());
        if (rewrite.chapters() == null) {
            throw ApiException.badRequest("missing_chapters", "chapters is required (the chapters in their new order)");
        }
        if (rewrite.chapters().size() > MAX_CHAPTERS) {
            throw ApiException.badRequest(
                    "too_many_chapters", "A compilation has at most " + MAX_CHAPTERS + " chapters");
        }
        rewrite.chapters().forEach(h -> {
            checkTitle(h.title());
            (h.items() == null ? List.<ItemOrder>of() : h.items()).forEach(i -> checkNote(i.note()));
        });
        return repository
                .find(id, true)
                .switchIfEmpty(Mono.error(noCompilation()))
                .flatMap(c -> {
                    if (c.version() != rewrite.version()) {
                        return Mono.error(new VersionConflict(id, rewrite.version()));
                    }
                    return Mono.zip(
                                    repository.chapters(id).collectList(),
                                    repository.items(id).collectList())
                            .flatMap(t -> apply(user, c, t.getT1(), t.getT2(), title, preface, rewrite.chapters()));
                })
                .as(tx::transactional)
                .then(Mono.defer(() -> view(id)));
    }

    private Mono<Void> apply(
            String user,
            CompilationRow c,
            List<ChapterRow> chapters,
            List<ItemRow> items,
            String title,
            String preface,
            List<ChapterOrder> order) {
        Map<Long, ChapterRow> oldChapters = new LinkedHashMap<>();
        chapters.forEach(h -> oldChapters.put(h.id(), h));
        Map<Long, ItemRow> oldItems = new LinkedHashMap<>();
        items.forEach(i -> oldItems.put(i.id(), i));
        Set<Long> seenChapters = new HashSet<>();
        Set<Long> seenItems = new HashSet<>();
        for (ChapterOrder h : order) {
            if (h.id() != null && (!oldChapters.containsKey(h.id()) || !seenChapters.add(h.id()))) {
                return Mono.error(ApiException.badRequest(
                        "unknown_chapter", "Chapter " + h.id() + " is not in this compilation, or is named twice"));
            }
            for (ItemOrder i : h.items() == null ? List.<ItemOrder>of() : h.items()) {
                if (!oldItems.containsKey(i.id()) || !seenItems.add(i.id())) {
                    return Mono.error(ApiException.badRequest(
                            "unknown_item", "Item " + i.id() + " is not in this compilation, or is named twice"));
                }
            }
        }
        List<String> changes = new ArrayList<>();
        if (!title.equals(c.title())) {
            changes.add("标题改为《" + title + "》");
        }
        if (!preface.equals(c.preface())) {
            changes.add("修改前言");
        }
        Mono<Void> work = repository.setTitleAndPreface(c.id(), title, preface);
        List<Long> oldChapterOrder = new ArrayList<>(oldChapters.keySet());
        List<Long> newChapterOrder = new ArrayList<>();
        for (int ci = 0; ci < order.size(); ci++) {
            ChapterOrder h = order.get(ci);
            int position = ci + 1;
            List<ItemOrder> its = h.items() == null ? List.of() : h.items();
            Mono<Long> chapterId;
            if (h.id() == null) {
                changes.add("新增章节「" + h.title() + "」");
                chapterId = repository.insertChapter(c.id(), h.title()).flatMap(nid -> repository
                        .placeChapter(nid, position, h.title())
                        .thenReturn(nid));
            } else {
                newChapterOrder.add(h.id());
                ChapterRow old = oldChapters.get(h.id());
                if (!old.title().equals(h.title())) {
                    changes.add("章节「" + old.title() + "」改名为「" + h.title() + "」");
                }
                chapterId = repository.placeChapter(h.id(), position, h.title()).thenReturn(h.id());
            }
            for (ItemOrder io : its) {
                ItemRow old = oldItems.get(io.id());
                if (io.note() != null && !io.note().equals(old.note())) {
                    changes.add("修改条目 " + describe(old) + " 的编者按");
                }
                if (h.id() == null || old.chapterId() != h.id()) {
                    changes.add("移动条目 " + describe(old) + " 到「" + h.title() + "」");
                }
            }
            work = work.then(chapterId.flatMap(cid -> {
                Mono<Void> placed = Mono.empty();
                for (int ii = 0; ii < its.size(); ii++) {
                    ItemOrder io = its.get(ii);
                    ItemRow old = oldItems.get(io.id());
                    String note = io.note() == null ? old.note() : io.note();
                    placed = placed.then(repository.placeItem(io.id(), cid, ii + 1, note));
                }
                return placed;
            }));
        }
        for (ItemRow old : oldItems.values()) {
            if (!seenItems.contains(old.id())) {
                changes.add("删除条目 " + describe(old));
                work = work.then(repository.deleteItem(old.id()));
            }
        }
        for (ChapterRow old : oldChapters.values()) {
            if (!seenChapters.contains(old.id())) {
                changes.add("删除章节「" + old.title() + "」");
                work = work.then(repository.deleteChapter(old.id()));
            }
        }
        List<Long> keptOldOrder =
                oldChapterOrder.stream().filter(seenChapters::contains).toList();
        if (!keptOldOrder.equals(newChapterOrder)) {
            changes.add("调整章节顺序");
        }
        if (itemsReordered(items, order)) {
            changes.add("调整条目顺序");
        }
        String detail = changes.isEmpty() ? "保存（无改动）" : String.join("；", new LinkedHashSet<>(changes));
        return work.then(repository.bump(c.id())).flatMap(v -> repository.record(c.id(), v, user, "update", detail));
    }

    private static boolean itemsReordered(List<ItemRow> items, List<ChapterOrder> order) {
        Map<Long, List<Long>> before = new HashMap<>();
        items.forEach(i ->
                before.computeIfAbsent(i.chapterId(), k -> new ArrayList<>()).add(i.id()));
        for (ChapterOrder h : order) {
            if (h.id() == null) {
                continue;
            }
            List<Long> now = (h.items() == null ? List.<ItemOrder>of() : h.items())
                    .stream()
                            .map(ItemOrder::id)
                            .filter(x -> before.getOrDefault(h.id(), List.of()).contains(x))
                            .toList();
            List<Long> was = before.getOrDefault(h.id(), List.of()).stream()
                    .filter(now::contains)
                    .toList();
            if (!now.equals(was)) {
                return true;
            }
        }
        return false;
    }

    /** Removes a compilation; 409 when {@code version} is not the current one. */
    public Mono<Void> delete(String user, long id, int version) {
        return repository
                .find(id, true)
                .switchIfEmpty(Mono.error(noCompilation()))
                .flatMap(c -> c.version() != version
                        ? Mono.<Void>error(new VersionConflict(id, version))
                        : repository.delete(id))
                .doOnSuccess(v -> log.info("{} deleted compilation {}", user, id))
                .as(tx::transactional);
    }

    public Mono<List<Event>> history(long id) {
        return repository
                .find(id, false)
                .switchIfEmpty(Mono.error(noCompilation()))
                .flatMap(c -> repository.events(id, 0).collectList());
    }

    /** What happened after {@code version}: the 409's account of what changed. */
    public Mono<List<Event>> since(long id, int version) {
        return repository.events(id, version).collectList();
    }

    static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw ApiException.badRequest("missing_title", "title is required / 标题不能为空");
        }
        if (title.strip().length() > MAX_TITLE) {
            throw ApiException.badRequest("title_too_long", "A title has at most " + MAX_TITLE + " characters / 标题过长");
        }
        return title.strip();
    }

    static String checkPreface(String preface) {
        if (preface == null) {
            return "";
        }
        if (preface.length() > MAX_PREFACE) {
            throw ApiException.badRequest(
                    "preface_too_long", "A preface has at most " + MAX_PREFACE + " characters / 前言过长");
        }
        return preface;
    }

    static String checkNote(String note) {
        if (note == null) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw ApiException.badRequest(
                    "note_too_long", "An editor's note has at most " + MAX_NOTE + " characters / 编者按过长");
        }
        return note;
    }

    static ApiException noCompilation() {
        return ApiException.notFound("compilation_not_found", "There is no such compilation / 没有这个汇编");
    }
}
