package org.wenshi.portal.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import org.wenshi.schema.DocumentStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's read-only view of the {@link DocumentStore}: originals, page images and OCR word
 * boxes that ingest wrote. The store root is {@code wenshi.store}, else
 * {@link DocumentStore#fromEnvironment()}.
 *
 * <p>It only ever opens a path that an indexed document names, relative to the root, and only when
 * {@link DocumentStore#resolve} keeps it inside the root: a request's URL never becomes a path. File
 * system calls run on the bounded-elastic scheduler or through {@link DataBufferUtils}, never on an
 * event-loop thread; it never writes.
 */
@Component
public class DocumentFiles {
    /** A words file larger than this is not read (a page has a few thousand words at most). */
    static final int MAX_WORDS_BYTES = 4 * 1024 * 1024;

    private final DocumentStore store;

    public DocumentFiles(@Value("${wenshi.store:}") String root) {
        this.store = root == null || root.isBlank()
                ? DocumentStore.fromEnvironment()
                : new DocumentStore(Path.of(root.trim()));
    }

    public DocumentStore store() {
        return store;
    }

    /** A regular, readable file of the store with what caching needs to know about it. */
    public record StoredFile(Path path, long size, long modifiedMillis) {
        /** Changes when the file does: size and modification time. */
        public String etag(String version) {
            return "\"" + Long.toHexString(size) + "-" + Long.toHexString(modifiedMillis)
                    + (version == null ? "" : "-" + version) + "\"";
        }
    }

    /** The file at {@code relative} (a path read from the index), empty if absent or outside the store. */
    public Mono<Optional<StoredFile>> find(String relative) {
        Optional<Path> path = store.resolve(relative);
        if (path.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromCallable(() -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(path.get(), BasicFileAttributes.class);
                        if (!a.isRegularFile() || !Files.isReadable(path.get())) {
                            return Optional.<StoredFile>empty();
                        }
                        return Optional.of(new StoredFile(
                                path.get(), a.size(), a.lastModifiedTime().toMillis()));
                    } catch (IOException e) {
                        return Optional.<StoredFile>empty();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The bytes of a small file of the store (a words file), empty if absent or too large. */
    public Mono<Optional<byte[]>> read(String relative) {
        return find(relative).flatMap(found -> {
            if (found.isEmpty() || found.get().size() > MAX_WORDS_BYTES) {
                return Mono.just(Optional.<byte[]>empty());
            }
            return DataBufferUtils.join(DataBufferUtils.read(
                            found.get().path(), DefaultDataBufferFactory.sharedInstance, 16 * 1024))
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return Optional.of(bytes);
                    })
                    .defaultIfEmpty(Optional.of(new byte[0]))
                    .onErrorResume(IOException.class, e -> Mono.just(Optional.empty()));
        });
    }
}
