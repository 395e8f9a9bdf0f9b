package org.wenshi.localdb;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which PostgreSQL the programs use: {@code WENSHI_DB_URL} (with {@code WENSHI_DB_USER} and {@code
 * WENSHI_DB_PASSWORD}) when set, else the managed server of {@code $WENSHI_HOME}, started when it does
 * not run, with its database {@code wenshi}.
 *
 * <p>Like {@code org.wenshi.localnode.ElasticsearchEndpoint}: with {@code WENSHI_DB_URL} set it never
 * touches the local server, and its {@code toString} never shows the password.
 *
 * <p>{@code WENSHI_DB_URL} may be {@code jdbc:postgresql://host[:port]/db[?params]}, {@code
 * r2dbc:postgresql://...}, or libpq's {@code postgresql://[user[:password]@]host[:port]/db}; the user
 * and password variables win over the URL's. Query parameters are passed through to both URLs as they
 * are (parameter names differ between JDBC and R2DBC: use the ones both know, or none).
 *
 * @param host the server's host
 * @param port its port
 * @param database the database name
 * @param parameters the query string without {@code ?}, may be empty
 * @param user the user to connect as
 * @param password its password; {@code null} when none is configured
 * @param managed true when it is the local server this library started or reused
 */
public record DatabaseEndpoint(
        String host, int port, String database, String parameters, String user, String password, boolean managed) {

    static final String URL_VARIABLE = "WENSHI_DB_URL";
    static final String USER_VARIABLE = "WENSHI_DB_USER";
    static final String PASSWORD_VARIABLE = "WENSHI_DB_PASSWORD";

    public DatabaseEndpoint {
        parameters = parameters == null ? "" : parameters;
    }

    /**
     * Resolves the endpoint from the environment.
     *
     * @throws IllegalArgumentException when {@code WENSHI_DB_URL} is not a PostgreSQL URL or names no
     *     user
     * @throws LocalDatabaseException when the local server cannot be started
     */
    public static DatabaseEndpoint resolve() {
        return resolve(System.getenv());
    }

    static DatabaseEndpoint resolve(Map<String, String> environment) {
        return resolve(LocalPostgres.defaultHome(environment), environment);
    }

    static DatabaseEndpoint resolve(Path home, Map<String, String> environment) {
        String configured = environment.get(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return parse(configured.trim(), environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
        }
        LocalPostgres local = LocalPostgres.forHome(home, environment);
        RunningPostgres server = local.ensureRunning();
        return new DatabaseEndpoint(
                "127.0.0.1", server.port(), local.database(), "", local.user(), local.password(), true);
    }

    /** {@code WENSHI_DB_URL} with the user and password variables (each may be null). */
    public static DatabaseEndpoint parse(String url, String userVariable, String passwordVariable) {
        String rest;
        if (url.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:".length());
        } else if (url.startsWith("r2dbc:postgresql://")) {
            rest = url.substring("r2dbc:".length());
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            rest = url;
        } else {
            throw new IllegalArgumentException(URL_VARIABLE + " must be a PostgreSQL URL such as"
                    + " jdbc:postgresql://localhost:5432/wenshi, not " + redact(url));
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_VARIABLE + " is not a URL: " + redact(url), e);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(URL_VARIABLE + " names no host (one host only): " + redact(url));
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException(URL_VARIABLE + " names no database (…/wenshi): " + redact(url));
        }
        String database = decode(path);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] info = uri.getRawUserInfo().split(":", 2);
            user = decode(info[0]);
            password = info.length > 1 ? decode(info[1]) : null;
        }
        if (userVariable != null && !userVariable.isBlank()) {
            user = userVariable.trim();
        }
        if (passwordVariable != null && !passwordVariable.isEmpty()) {
            password = passwordVariable;
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(URL_VARIABLE + " is set but names no user: set " + USER_VARIABLE
                    + " (and " + PASSWORD_VARIABLE + ")");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new DatabaseEndpoint(host, port, database, query, user, password, false);
    }

    /** {@code jdbc:postgresql://host:port/database[?parameters]}, without user or password. */
    public String jdbcUrl() {
        return "jdbc:" + baseUrl();
    }

    /** {@code r2dbc:postgresql://host:port/database[?parameters]}, without user or password. */
    public String r2dbcUrl() {
        return "r2dbc:" + baseUrl();
    }

    /** libpq's {@code postgresql://host:port/database}, for pg_dump and pg_restore (only sslmode kept). */
    String libpqUrl() {
        String sslmode = "";
        for (String parameter : parameters.split("&")) {
            if (parameter.startsWith("sslmode=")) {
                sslmode = "?" + parameter;
            }
        }
        return "postgresql://" + hostAndPort() + "/" + encodedDatabase() + sslmode;
    }

    private String baseUrl() {
        return "postgresql://" + hostAndPort() + "/" + encodedDatabase()
                + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    private String hostAndPort() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    private String encodedDatabase() {
        return java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[url=" + jdbcUrl() + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", managed=" + managed + "]";
    }

    /** The URL with any password replaced by {@code ***}. */
    static String redact(String url) {
        return url.replaceAll("(?<=://)([^/@:]*):[^/@]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
