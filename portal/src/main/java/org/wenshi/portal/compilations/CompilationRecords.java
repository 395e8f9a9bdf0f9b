package org.wenshi.portal.compilations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/** The shapes of the compilations API (contract.md, "Editors"), snake_case as the rest of the API. */
public final class CompilationRecords {
    private CompilationRecords() {}

    /** A line of {@code GET /api/compilations}. */
    public record Summary(
            long id,
            String title,
            int version,
            @JsonProperty("updated_at") OffsetDateTime updatedAt,
            int chapters,
            int items) {}

    public record Listing(List<Summary> compilations) {}

    /** A whole compilation as it is now, with what the archive says of each item today. */
    public record Compilation(
            long id,
            String title,
            String preface,
            int version,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("updated_at") OffsetDateTime updatedAt,
            List<Chapter> chapters) {

        public int itemCount() {
            return chapters.stream().mapToInt(c -> c.items().size()).sum();
        }
    }

    public record Chapter(long id, String title, List<Item> items) {}

    /**
     * An item: a passage ({@code start}..{@code end} of the document's text; the whole document when
     * {@code whole}) with the page of the scan it begins on, the text as quoted, the editor's note and
     * the GB/T 7714 citation. {@code source_changed}: today's text at those offsets is not the quoted
     * text any more ({@code current_text} is what is there now, {@code found_at} where the quoted text
     * now begins, when it is still in the document). {@code duplicate}: the same document, or a reprint
     * of it, is gathered elsewhere in this compilation. {@code reprints}: other printings of the text.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            long id,
            @JsonProperty("doc_id") String docId,
            @JsonProperty("doc_title") String docTitle,
            boolean whole,
            int start,
            int end,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer page,
            @JsonProperty("page_label") String pageLabel,
            String text,
            String note,
            String citation,
            String bibliography,
            @JsonProperty("source_changed") boolean sourceChanged,
            @JsonProperty("source_missing") boolean sourceMissing,
            @JsonProperty("current_text") String currentText,
            @JsonProperty("found_at") Integer foundAt,
            boolean duplicate,
            List<Reprint> reprints,
            @JsonProperty("added_by") String addedBy,
            @JsonProperty("added_at") OffsetDateTime addedAt) {}

    public record Reprint(String id, String title, String source, String date, boolean canonical) {}

    /** A line of the compilation's history. */
    public record Event(long id, int version, String username, OffsetDateTime at, String action, String detail) {}

    public record History(@JsonProperty("compilation_id") long compilationId, List<Event> events) {}
}
