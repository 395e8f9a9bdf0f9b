package org.wenshi.portal.compilations;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The compilation tables, through Spring's reactive {@link DatabaseClient}; no logic of its own. */
@Repository
public class CompilationRepository {

    record CompilationRow(
            long id, String title, String preface, int version, String createdBy, OffsetDateTime updatedAt) {}

    record ChapterRow(long id, long compilationId, int position, String title) {}

    record ItemRow(
            long id,
            long chapterId,
            int position,
            String docId,
            boolean whole,
            int start,
            int end,
            Integer page,
            String pageLabel,
            String quotedText,
            String sourceHash,
            String docTitle,
            String citation,
            String bibliography,
            String note,
            String addedBy,
            OffsetDateTime addedAt) {}

    record SummaryRow(long id, String title, int version, OffsetDateTime updatedAt, long chapters, long items) {}

    private final DatabaseClient db;

    public CompilationRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<SummaryRow> list() {
        return db.sql("SELECT c.id, c.title, c.version, c.updated_at,"
                        + " (SELECT count(*) FROM chapter h WHERE h.compilation_id = c.id) AS chapters,"
                        + " (SELECT count(*) FROM item i WHERE i.compilation_id = c.id) AS items"
                        + " FROM compilation c ORDER BY c.updated_at DESC, c.id DESC")
                .map(r -> new SummaryRow(
                        r.get("id", Long.class),
                        r.get("title", String.class),
                        r.get("version", Integer.class),
                        r.get("updated_at", OffsetDateTime.class),
                        r.get("chapters", Long.class),
                        r.get("items", Long.class)))
                .all();
    }

    Mono<Long> insert(String title, String preface, String user) {
        return db.sql("INSERT INTO compilation (title, preface, created_by) VALUES (:t, :p, :u) RETURNING id")
                .bind("t", title)
                .bind("p", preface)
                .bind("u", user)
                .map(r -> r.get("id", Long.class))
                .one();
    }

    Mono<CompilationRow> find(long id, boolean forUpdate) {
        return db.sql("SELECT id, title, preface, version, created_by, updated_at FROM compilation WHERE id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", id)
                .map(r -> new CompilationRow(
                        r.get("id", Long.class),
                        r.get("title", String.class),
                        r.get("preface", String.class),
                        r.get("version", Integer.class),
                        r.get("created_by", String.class),
                        r.get("updated_at", OffsetDateTime.class)))
                .one();
    }

    Flux<ChapterRow> chapters(long compilationId) {
        return db.sql("SELECT id, compilation_id, position, title FROM chapter WHERE compilation_id = :c"
                        + " ORDER BY position, id")
                .bind("c", compilationId)
                .map(r -> new ChapterRow(
                        r.get("id", Long.class),
                        r.get("compilation_id", Long.class),
                        r.get("position", Integer.class),
                        r.get("title", String.class)))
                .all();
    }

    Flux<ItemRow> items(long compilationId) {
        return db.sql("SELECT * FROM item WHERE compilation_id = :c ORDER BY chapter_id, position, id")
                .bind("c", compilationId)
                .map(CompilationRepository::item)
                .all();
    }

    Mono<Long> insertChapter(long compilationId, String title) {
        return db.sql("INSERT INTO chapter (compilation_id, position, title) VALUES (:c,"
                        + " (SELECT coalesce(max(position), 0) + 1 FROM chapter WHERE compilation_id = :c), :t)"
                        + " RETURNING id")
                .bind("c", compilationId)
                .bind("t", title)
                .map(r -> r.get("id", Long.class))
                .one();
    }

    Mono<Long> insertItem(long compilationId, long chapterId, ItemRow item) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "INSERT INTO item (compilation_id, chapter_id, position, doc_id, whole_document, start_offset,"
                                + " end_offset, page, page_label, quoted_text, source_hash, doc_title, citation, bibliography, note,"
                                + " added_by) VALUES (:c, :h,"
                                + " (SELECT coalesce(max(position), 0) + 1 FROM item WHERE chapter_id = :h),"
                                + " :doc, :whole, :s, :e, :page, :label, :q, :hash, :title, :cite, :bib, :note, :by) RETURNING id")
                .bind("c", compilationId)
                .bind("h", chapterId)
                .bind("doc", item.docId())
                .bind("whole", item.whole())
                .bind("s", item.start())
                .bind("e", item.end())
                .bind("q", item.quotedText())
                .bind("cite", item.citation())
                .bind("bib", item.bibliography())
                .bind("note", item.note())
                .bind("by", item.addedBy());
        spec = item.page() == null ? spec.bindNull("page", Integer.class) : spec.bind("page", item.page());
        spec = item.pageLabel() == null ? spec.bindNull("label", String.class) : spec.bind("label", item.pageLabel());
        spec = item.sourceHash() == null ? spec.bindNull("hash", String.class) : spec.bind("hash", item.sourceHash());
        spec = item.docTitle() == null ? spec.bindNull("title", String.class) : spec.bind("title", item.docTitle());
        return spec.map(r -> r.get("id", Long.class)).one();
    }

    /** The next version of a compilation; empty when it is gone. */
    Mono<Integer> bump(long id) {
        return db.sql("UPDATE compilation SET version = version + 1, updated_at = now() WHERE id = :id"
                        + " RETURNING version")
                .bind("id", id)
                .map(r -> r.get("version", Integer.class))
                .one();
    }

    Mono<Void> setTitleAndPreface(long id, String title, String preface) {
        return db.sql("UPDATE compilation SET title = :t, preface = :p WHERE id = :id")
                .bind("t", title)
                .bind("p", preface)
                .bind("id", id)
                .then();
    }

    Mono<Void> placeChapter(long chapterId, int position, String title) {
        return db.sql("UPDATE chapter SET position = :p, title = :t WHERE id = :id")
                .bind("p", position)
                .bind("t", title)
                .bind("id", chapterId)
                .then();
    }

    Mono<Void> placeItem(long itemId, long chapterId, int position, String note) {
        return db.sql("UPDATE item SET chapter_id = :h, position = :p, note = :n WHERE id = :id")
                .bind("h", chapterId)
                .bind("p", position)
                .bind("n", note)
                .bind("id", itemId)
                .then();
    }

    Mono<Void> deleteItem(long itemId) {
        return db.sql("DELETE FROM item WHERE id = :id").bind("id", itemId).then();
    }

    Mono<Void> deleteChapter(long chapterId) {
        return db.sql("DELETE FROM chapter WHERE id = :id")
                .bind("id", chapterId)
                .then();
    }

    Mono<Void> delete(long id) {
        return db.sql("DELETE FROM compilation WHERE id = :id").bind("id", id).then();
    }

    Mono<Void> record(long compilationId, int version, String user, String action, String detail) {
        return db.sql("INSERT INTO compilation_event (compilation_id, version, username, action, detail)"
                        + " VALUES (:c, :v, :u, :a, :d)")
                .bind("c", compilationId)
                .bind("v", version)
                .bind("u", user)
                .bind("a", action)
                .bind("d", detail)
                .then();
    }

    Flux<CompilationRecords.Event> events(long compilationId, int afterVersion) {
        return db.sql("SELECT id, version, username, at, action, detail FROM compilation_event"
                        + " WHERE compilation_id = :c AND version > :v ORDER BY id")
                .bind("c", compilationId)
                .bind("v", afterVersion)
                .map(r -> new CompilationRecords.Event(
                        r.get("id", Long.class),
                        r.get("version", Integer.class),
                        r.get("username", String.class),
                        r.get("at", OffsetDateTime.class),
                        r.get("action", String.class),
                        r.get("detail", String.class)))
                .all();
    }

    private static ItemRow item(Readable r) {
        return new ItemRow(
                r.get("id", Long.class),
                r.get("chapter_id", Long.class),
                r.get("position", Integer.class),
                r.get("doc_id", String.class),
                Boolean.TRUE.equals(r.get("whole_document", Boolean.class)),
                r.get("start_offset", Integer.class),
                r.get("end_offset", Integer.class),
                r.get("page", Integer.class),
                r.get("page_label", String.class),
                r.get("quoted_text", String.class),
                r.get("source_hash", String.class),
                r.get("doc_title", String.class),
                r.get("citation", String.class),
                r.get("bibliography", String.class),
                r.get("note", String.class),
                r.get("added_by", String.class),
                r.get("added_at", OffsetDateTime.class));
    }
}
