package org.wenshi.localdb;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wenshi.localnode.ExternalCommand;

/**
 * Finds {@code pg_dump} and {@code pg_restore} for a server of a given major version.
 *
 * <p>Exists because the zonky binaries bring the server only (initdb, pg_ctl, postgres): the client
 * tools come from {@code WENSHI_PG_BIN}, the install itself should a future bundle carry them,
 * Debian's {@code /usr/lib/postgresql/<major>/bin} (package {@code postgresql-client-<major>}) or the
 * {@code PATH}. pg_dump refuses a server newer than itself, so a tool older than the server is never
 * chosen; among the rest the newest wins.
 */
final class PgClientTools {

    static final String BIN_VARIABLE = "WENSHI_PG_BIN";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

    private PgClientTools() {}

    /**
     * The tool {@code name} whose major version is at least {@code serverMajor} (when known).
     *
     * @throws LocalDatabaseException naming what to install when there is none
     */
    static Path find(String name, OptionalInt serverMajor, Optional<Path> installDir, Map<String, String> environment) {
        List<Path> candidates = new ArrayList<>();
        String bin = environment.get(BIN_VARIABLE);
        if (bin != null && !bin.isBlank()) {
            candidates.add(Path.of(bin.trim()).resolve(name));
        }
        installDir.ifPresent(dir -> candidates.add(PostgresInstaller.binary(dir, name)));
        candidates.addAll(debianTools(name));
        ExternalCommand.find(name).ifPresent(candidates::add);
        Path best = null;
        int bestMajor = -1;
        for (Path candidate : candidates) {
            if (!Files.isExecutable(candidate)) {
                continue;
            }
            OptionalInt major = majorOf(candidate);
            if (major.isEmpty() || (serverMajor.isPresent() && major.getAsInt() < serverMajor.getAsInt())) {
                continue;
            }
            if (major.getAsInt() > bestMajor) {
                best = candidate;
                bestMajor = major.getAsInt();
            }
        }
        if (best == null) {
            String wanted = serverMajor.isPresent() ? " " + serverMajor.getAsInt() + " or newer" : "";
            throw new LocalDatabaseException("no " + name + wanted + " found (looked in " + BIN_VARIABLE
                    + ", the install, " + DEBIAN + "/*/bin and PATH): install PostgreSQL's client tools (Debian:"
                    + " apt-get install postgresql-client) or point " + BIN_VARIABLE + " at their bin folder");
        }
        return best;
    }

    /** {@code /usr/lib/postgresql/<major>/bin/<name>}, newest first. */
    private static List<Path> debianTools(String name) {
        List<Path> tools = new ArrayList<>();
        if (!Files.isDirectory(DEBIAN)) {
            return tools;
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(DEBIAN)) {
            for (Path version : versions) {
                tools.add(version.resolve("bin").resolve(name));
            }
        } catch (IOException e) {
            return tools;
        }
        tools.sort(Comparator.comparing((Path p) -> p.toString()).reversed());
        return tools;
    }

    private static OptionalInt majorOf(Path tool) {
        try {
            ExternalCommand.Result result =
                    ExternalCommand.run(List.of(tool.toString(), "--version"), Map.of(), Duration.ofSeconds(20));
            return result.ok() ? parseMajor(result.output()) : OptionalInt.empty();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** 15 of {@code pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)}. */
    static OptionalInt parseMajor(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
