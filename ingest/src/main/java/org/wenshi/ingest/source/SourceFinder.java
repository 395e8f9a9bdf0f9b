package org.wenshi.ingest.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the files and folders given on the command line and reports every path found, one at a
 * time, in a stable order (names sorted within each folder), so a run over a million files never
 * holds the list in memory and two runs see sources in the same order (which makes "first seen"
 * duplicates deterministic).
 *
 * <p>It never follows a symbolic link found inside a folder (a link could lead out of the folder or
 * into a cycle): such a link is reported as skipped. A link named explicitly on the command line is
 * followed, since the user chose it. Hidden entries (names starting with '.') inside folders are
 * reported as skipped without descending into them. A web archive ({@code .warc}, {@code .warc.gz}) is
 * reported like any supported file, wherever it is: whoever takes the sources in reads its records
 * ({@link Source#webArchive()}). It never opens a file.
 */
public final class SourceFinder {

    private static final Comparator<Path> BY_NAME =
            Comparator.comparing(p -> p.getFileName().toString());

    /**
     * Reports each path under {@code roots} to {@code sink}. Roots must exist (the command line
     * checks that before a run starts).
     */
    public void find(List<Path> roots, Consumer<Found> sink) {
        List<Path> folders = new ArrayList<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            if (folders.stream().anyMatch(absolute::startsWith)) {
                continue; // inside a folder given before: already walked, and walked once only
            }
            if (Files.isDirectory(absolute)) {
                folders.add(absolute);
                walk(absolute, sink);
            } else {
                report(absolute, sink);
            }
        }
    }

    private void walk(Path folder, Consumer<Found> sink) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(children::add);
        } catch (IOException | SecurityException e) {
            sink.accept(Found.skip(Source.ofFile(folder), "cannot list folder: " + describe(e)));
            return;
        }
        children.sort(BY_NAME);
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isSymbolicLink(child)) {
                sink.accept(Found.skip(Source.ofFile(child), "symbolic link not followed"));
            } else if (name.startsWith(".")) {
                sink.accept(Found.skip(
                        Source.ofFile(child),
                        Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                                ? "hidden folder not searched"
                                : "hidden file"));
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                walk(child, sink);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                report(child, sink);
            } else {
                sink.accept(Found.skip(Source.ofFile(child), "not a regular file"));
            }
        }
    }

    private static void report(Path file, Consumer<Found> sink) {
        Source source = Source.ofFile(file);
        sink.accept(source.unsupportedReason().map(r -> Found.skip(source, r)).orElseGet(() -> Found.extract(source)));
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
