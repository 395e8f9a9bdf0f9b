package org.wenshi.localdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The generated password of the database user, in a file only its owner can read ({@code 0600}).
 *
 * <p>Exists so that the local server uses password authentication (scram-sha-256) like a real one,
 * without a password anyone has to choose or that sits in a repository. It must never write the
 * password to a file that is readable by others at any moment: the file is created with its mode.
 */
final class PasswordFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PasswordFile() {}

    /** 32 characters of base64url: 192 random bits, no quote, nothing a shell or SQL would interpret. */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot read the database password " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code password} to {@code file} (replacing it atomically), mode 0600 from the start. */
    static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary =
                    file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                throw new LocalDatabaseException("a stale " + temporary + " is in the way; delete it", e);
            }
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot write the database password " + file + ": " + e.getMessage(), e);
        }
    }
}
