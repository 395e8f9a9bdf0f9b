package org.wenshi.portal.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wenshi.portal.PortalWithFixtures;

/**
 * {@link PortalWithFixtures} plus {@link DocumentFixtures}: the scanned article with its page images,
 * word boxes and original in a store of its own (a temporary folder, {@code wenshi.store}), and the
 * reprinted text, indexed beside the common fixtures.
 */
public abstract class PortalWithDocuments extends PortalWithFixtures {
    protected static Path store;

    @BeforeAll
    static void addDocuments() throws IOException {
        store = Files.createTempDirectory("wenshi-store-");
        index.index(DocumentFixtures.documents(store));
    }

    @AfterAll
    static void deleteStore() throws IOException {
        if (store != null) {
            try (Stream<Path> files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            store = null;
        }
    }

    @DynamicPropertySource
    static void documentStore(DynamicPropertyRegistry registry) {
        registry.add("wenshi.store", () -> store.toString());
    }
}
