package org.wenshi.schema;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the originals, page images and OCR word boxes of documents live on disk, shared by ingest
 * (which writes them) and the portal (which serves them). It exists so both sides agree on one
 * layout; it never reads or writes a file itself.
 *
 * <p>Layout under the root ({@code WENSHI_STORE}, or {@code $WENSHI_HOME/store}):
 *
 * <pre>
 * ab/abcdef0123456789abcd/original.pdf        the source file as received (field {@code original})
 * ab/abcdef0123456789abcd/pages/0001.jpg      page 1 rendered for reading, 1200 px wide at most
 *                                             (field {@code pages.image})
 * ab/abcdef0123456789abcd/pages/0001.thumb.jpg  page 1 thumbnail, 200 px wide at most
 *                                             (field {@code pages.thumbnail})
 * ab/abcdef0123456789abcd/pages/0001.words.json  OCR word boxes of page 1 (field {@code pages.hocr})
 * </pre>
 *
 * <p>The index stores paths <em>relative</em> to the root, so the store can move. A words file is
 * JSON: {@code {"width": W, "height": H, "words": [{"text": "政协", "x": 10, "y": 20, "w": 40,
 * "h": 18, "start": 0, "end": 2}]}} where x/y/w/h are pixels of the page image named in the same
 * page entry ({@code width} × {@code height}), and start/end are offsets into that page's text
 * ({@code pages.text}), so a hit found in the text maps to boxes on the image.
 *
 * @param root the absolute store folder
 */
public record DocumentStore(Path root) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8,64}");

    public DocumentStore {
        root = root.toAbsolutePath().normalize();
    }

    /** {@code WENSHI_STORE}, else {@code $WENSHI_HOME/store}, else {@code ~/.wenshi/store}. */
    public static DocumentStore fromEnvironment() {
        String store = System.getenv("WENSHI_STORE");
        if (store != null && !store.isBlank()) {
            return new DocumentStore(Path.of(store.trim()));
        }
        String home = System.getenv("WENSHI_HOME");
        Path base = home != null && !home.isBlank()
                ? Path.of(home.trim())
                : Path.of(System.getProperty("user.home"), ".wenshi");
        return new DocumentStore(base.resolve("store"));
    }

    /** The folder of one document, relative to the root. */
    public static String documentFolder(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a document id: " + id);
        }
        return id.substring(0, 2) + "/" + id;
    }

    /** Relative path of the original, keeping the source's extension (lower case, may be empty). */
    public static String originalPath(String id, String extension) {
        return documentFolder(id) + "/original" + (extension == null || extension.isEmpty() ? "" : "." + extension);
    }

    /** Relative path of page {@code n}'s reading image. */
    public static String pageImagePath(String id, int n) {
        return documentFolder(id) + "/pages/" + pageName(n) + ".jpg";
    }

    /** Relative path of page {@code n}'s thumbnail. */
    public static String thumbnailPath(String id, int n) {
        return documentFolder(id) + "/pages/" + pageName(n) + ".thumb.jpg";
    }

    /** Relative path of page {@code n}'s OCR word boxes. */
    public static String wordsPath(String id, int n) {
        return documentFolder(id) + "/pages/" + pageName(n) + ".words.json";
    }

    /**
     * The absolute file for a relative path read from the index, empty when the path would leave
     * the root (a stored value is never trusted to stay inside).
     */
    public Optional<Path> resolve(String relative) {
        if (relative == null || relative.isBlank() || relative.startsWith("/") || relative.contains("\\")) {
            return Optional.empty();
        }
        Path resolved = root.resolve(relative).normalize();
        return resolved.startsWith(root) && !resolved.equals(root) ? Optional.of(resolved) : Optional.empty();
    }

    private static String pageName(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Page numbers start at 1: " + n);
        }
        return String.format("%04d", n);
    }
}
