package org.wenshi.portal.document;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import org.wenshi.portal.document.DocumentService.Found;
import org.wenshi.portal.document.DocumentService.Version;
import org.wenshi.portal.document.MarkedText.PageStart;
import org.wenshi.portal.document.MarkedText.Range;
import org.wenshi.schema.Fields;

/**
 * Everything {@code document.html} shows, computed before rendering so that the template only
 * writes values: the document, its text cut into hits and page beginnings, the page shown beside its
 * image, the versions of a reprinted text with their differences, and the citation with its exports.
 *
 * @param view      the document as the API serves it
 * @param q         the reader's query, {@code null} without one
 * @param text      the whole text with every hit
 * @param scan      the page image and its text, {@code null} for a document without page images
 * @param versions  the versions of a reprinted text (the main one first), empty when there are none
 * @param citation  what the citation says
 * @param gbt7714   the GB/T 7714-2015 reference
 * @param exports   download links of the citation, one per format
 * @param permalink the document's stable address, {@code /doc/{id}}
 */
public record DocumentPage(
        DocumentView view,
        String q,
        MarkedText text,
        Scan scan,
        List<VersionRow> versions,
        Citation citation,
        String gbt7714,
        List<Export> exports,
        String permalink) {

    /** The scanned page shown beside its text (原文图像对照). */
    public record Scan(
            int n,
            String label,
            int count,
            String imageUrl,
            MarkedText text,
            int hits,
            PageWords words,
            List<PageWords.Box> boxes,
            String previous,
            String next,
            List<PageLink> pages) {}

    /** A link to one page of the scan viewer. */
    public record PageLink(int n, String label, String href, boolean current, boolean hasHits) {}

    /** One version of a reprinted text; {@code diff} compares it with the main version. */
    public record VersionRow(
            String id,
            String title,
            String source,
            String date,
            String url,
            boolean canonical,
            boolean current,
            String href,
            TextDiff.Result diff) {}

    /** A citation download. */
    public record Export(String format, String href) {}

    /** A page's stretch {@code [start, end)} of the whole text. */
    record PageSpan(int n, String label, int start, int end, String text) {}

    public boolean hasHits() {
        return text.hits() > 0;
    }

    /** The document's pages and where each lies in the whole text, in order; pages whose text is not found are left out. */
    static List<PageSpan> spans(StoredDocument d) {
        String text = d.text(Fields.TEXT);
        List<PageSpan> spans = new ArrayList<>();
        if (text == null) {
            return spans;
        }
        int cursor = 0;
        for (StoredDocument p : d.objects(Fields.PAGES)) {
            Integer n = p.integer(Fields.PAGE_N);
            String pageText = p.text(Fields.PAGE_TEXT);
            if (n == null || pageText == null) {
                continue;
            }
            Integer start = p.integer(Fields.PAGE_START_OFFSET);
            Integer end = p.integer(Fields.PAGE_END_OFFSET);
            if (start == null
                    || end == null
                    || start < 0
                    || end > text.length()
                    || start > end
                    || !text.substring(start, end).equals(pageText)) {
                // offsets missing or not matching the stored text: find the page's text after the previous page
                start = text.indexOf(pageText, cursor);
                if (start < 0) {
                    continue;
                }
                end = start + pageText.length();
            }
            spans.add(new PageSpan(n, p.text(Fields.PAGE_LABEL), start, end, pageText));
            cursor = end;
        }
        return spans;
    }

    /** Hits of the whole text that fall on a page, as ranges of the page's own text. */
    static List<Range> hitsOnPage(List<Range> hits, PageSpan page) {
        List<Range> onPage = new ArrayList<>();
        for (Range r : hits) {
            if (r.overlaps(page.start(), page.end())) {
                onPage.add(new Range(
                        Math.max(r.start(), page.start()) - page.start(),
                        Math.min(r.end(), page.end()) - page.start()));
            }
        }
        return onPage;
    }

    /**
     * The page of the scan viewer to show: {@code requested} when given (404 beyond the last page is
     * the controller's business), else the first page with a hit, else the first.
     */
    static int pageToShow(List<PageSpan> spans, List<Range> hits, Integer requested) {
        if (requested != null) {
            return requested;
        }
        for (PageSpan s : spans) {
            if (!hitsOnPage(hits, s).isEmpty()) {
                return s.n();
            }
        }
        return spans.isEmpty() ? 1 : spans.get(0).n();
    }

    /** The link to this document's page {@code n}, keeping the query, landing on the viewer. */
    static String pageHref(String id, String q, int n) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(DocumentView.path(id));
        if (q != null && !q.isBlank()) {
            b.queryParam("q", "{q}");
        }
        b.queryParam("page", n).fragment("scan");
        return q != null && !q.isBlank()
                ? b.encode().buildAndExpand(q).toUriString()
                : b.build().toUriString();
    }

    /** Assembles the page from what the service found. */
    static DocumentPage of(
            Found found, DocumentView view, String q, Integer requestedPage, PageWords words, List<Version> versions) {
        StoredDocument d = found.document();
        List<PageSpan> spans = spans(d);
        List<PageStart> starts =
                spans.stream().map(s -> new PageStart(s.n(), s.start())).toList();
        MarkedText text = MarkedText.of(d.text(Fields.TEXT), found.hits(), starts);
        Scan scan = scan(view, spans, found.hits(), q, requestedPage, words);
        Citation citation = Citation.of(d);
        List<Export> exports = new ArrayList<>();
        for (CitationExport e : CitationExport.values()) {
            exports.add(new Export(e.name(), DocumentView.path(d.id()) + "/citation." + e.extension()));
        }
        return new DocumentPage(
                view,
                q == null || q.isBlank() ? null : q,
                text,
                scan,
                versionRows(d, versions),
                citation,
                citation.gbt7714(),
                List.copyOf(exports),
                DocumentView.path(d.id()));
    }

    private static Scan scan(
            DocumentView view, List<PageSpan> spans, List<Range> hits, String q, Integer requested, PageWords words) {
        List<DocumentView.Page> withImages =
                view.pages().stream().filter(p -> p.imageUrl() != null).toList();
        if (withImages.isEmpty()) {
            return null;
        }
        int n = pageToShow(spans, hits, requested);
        DocumentView.Page page =
                withImages.stream().filter(p -> p.n() == n).findFirst().orElse(null);
        if (page == null) {
            return null;
        }
        PageSpan span = spans.stream().filter(s -> s.n() == n).findFirst().orElse(null);
        List<Range> pageHits = span == null ? List.of() : hitsOnPage(hits, span);
        MarkedText pageText =
                span == null ? MarkedText.plain(page.text()) : MarkedText.of(span.text(), pageHits, List.of());
        List<PageLink> links = new ArrayList<>();
        String previous = null;
        String next = null;
        for (int i = 0; i < withImages.size(); i++) {
            DocumentView.Page p = withImages.get(i);
            PageSpan s = spans.stream().filter(x -> x.n() == p.n()).findFirst().orElse(null);
            boolean current = p.n() == n;
            links.add(new PageLink(
                    p.n(),
                    p.label(),
                    pageHref(view.id(), q, p.n()),
                    current,
                    s != null && !hitsOnPage(hits, s).isEmpty()));
            if (current) {
                previous = i > 0 ? pageHref(view.id(), q, withImages.get(i - 1).n()) : null;
                next = i + 1 < withImages.size()
                        ? pageHref(view.id(), q, withImages.get(i + 1).n())
                        : null;
            }
        }
        PageWords measured = words == null ? PageWords.NONE : words;
        return new Scan(
                n,
                page.label(),
                withImages.size(),
                page.imageUrl(),
                pageText,
                pageText.hits(),
                measured,
                measured.measured() ? measured.boxes(pageHits) : List.of(),
                previous,
                next,
                List.copyOf(links));
    }

    /**
     * The versions with their differences from the main version: a reprint is compared with the
     * main version; on the main version's own page every reprint is.
     */
    private static List<VersionRow> versionRows(StoredDocument d, List<Version> versions) {
        if (versions.size() < 2) {
            return List.of();
        }
        Version main = versions.stream().filter(Version::canonical).findFirst().orElse(versions.get(0));
        boolean onMain = main.id().equals(d.id());
        List<VersionRow> rows = new ArrayList<>();
        for (Version v : versions) {
            boolean current = v.id().equals(d.id());
            TextDiff.Result diff = v == main || !(onMain || current) ? null : TextDiff.compare(main.text(), v.text());
            rows.add(new VersionRow(
                    v.id(),
                    v.title(),
                    v.source(),
                    v.date(),
                    v.url(),
                    v == main,
                    current,
                    DocumentView.path(v.id()),
                    diff));
        }
        return List.copyOf(rows);
    }
}
