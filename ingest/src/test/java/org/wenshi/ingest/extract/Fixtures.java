package org.wenshi.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the scenario fixtures under {@code src/test/resources/fixtures}. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
