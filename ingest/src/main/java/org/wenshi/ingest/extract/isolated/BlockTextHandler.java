package org.wenshi.ingest.extract.isolated;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of Tika's XHTML as one line per block (paragraph, heading, list item, table
 * cell) and remembers the first heading, which is the best title a Word or EPUB body offers. It
 * stops with a {@link SAXException} once the text passes the character limit, so a huge document
 * cannot fill the worker's memory; it never keeps the text of {@code <head>}, scripts or styles.
 */
final class BlockTextHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "td",
            "th",
            "tr",
            "br",
            "pre",
            "blockquote",
            "dt",
            "dd",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "title",
            "section",
            "article");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style");

    private final long maxChars;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder heading = new StringBuilder();
    private String firstHeading;
    private int inHeading;
    private int skipped;
    private boolean limitReached;

    BlockTextHandler(long maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName.isEmpty() ? qName : localName;
        if (SKIPPED.contains(name)) {
            skipped++;
        }
        if (BLOCKS.contains(name)) {
            endLine();
        }
        if (HEADINGS.contains(name)) {
            inHeading++;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName.isEmpty() ? qName : localName;
        if (SKIPPED.contains(name) && skipped > 0) {
            skipped--;
        }
        if (HEADINGS.contains(name) && inHeading > 0) {
            inHeading--;
            if (inHeading == 0 && firstHeading == null && !heading.toString().isBlank()) {
                firstHeading = heading.toString().strip();
            }
            heading.setLength(0);
        }
        if (BLOCKS.contains(name)) {
            endLine();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipped > 0) {
            return;
        }
        text.append(ch, start, length);
        if (inHeading > 0 && firstHeading == null) {
            heading.append(ch, start, length);
        }
        if (text.length() > maxChars) {
            limitReached = true;
            throw new SAXException("text longer than " + maxChars + " characters");
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // Layout whitespace between blocks carries no text.
    }

    private void endLine() {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    String text() {
        return text.toString();
    }

    String firstHeading() {
        return firstHeading;
    }

    boolean limitReached() {
        return limitReached;
    }
}
