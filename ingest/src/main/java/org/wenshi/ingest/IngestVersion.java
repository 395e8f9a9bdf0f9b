package org.wenshi.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The fingerprint stored with every document ({@code ingest_version}): a digest of the ingest jar
 * that made it and of the theme taxonomy it used. A re-run skips a source whose bytes and
 * fingerprint are unchanged without reading it; a new build or taxonomy (which may extract or
 * enrich differently) re-extracts everything once. Builds are reproducible, so rebuilding the same
 * code keeps the fingerprint. Run from classes (tests, IDE) it is {@code dev}.
 */
final class IngestVersion {
    private IngestVersion() {}

    static String of(Map<String, String> env) {
        String classPath = System.getProperty("java.class.path", "");
        String code = "dev";
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            code = digest(Path.of(classPath));
        }
        String themes = env.get("WENSHI_THEMES");
        if (themes != null && !themes.isBlank()) {
            code += "+themes-" + digest(Path.of(themes.trim()));
        }
        return code;
    }

    private static String digest(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest md = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            return "unreadable-" + file.getFileName();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
