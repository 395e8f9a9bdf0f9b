package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Real HTTP to a portal under test, as the editors' scripts and browsers use it: HTTP Basic, or a
 * signed-in session (cookies, the CSRF token of the pages). No redirects are followed, so that tests
 * see them.
 */
public final class EditorHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, Map<String, String> headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The error code of an API error body. */
        String code() {
            return json().path("error").path("code").asText();
        }
    }

    private final int port;
    private final HttpClient client;
    private String basic;
    private String csrf;

    private EditorHttp(int port, boolean cookies) {
        this.port = port;
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            b.cookieHandler(new CookieManager());
        }
        this.client = b.build();
    }

    /** Anonymous, without cookies. */
    static EditorHttp anonymous(int port) {
        return new EditorHttp(port, false);
    }

    /** A script with HTTP Basic credentials, no session. */
    public static EditorHttp basic(int port, String user, String password) {
        EditorHttp h = new EditorHttp(port, false);
        h.basic =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return h;
    }

    /** A browser-like client with a cookie jar; not signed in yet. */
    static EditorHttp browser(int port) {
        return new EditorHttp(port, true);
    }

    /** A new compilation through the API (201 expected); its id. */
    public long newCompilation(String title) {
        Response r = post("/api/compilations", Map.of("title", title));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** A new chapter at the end of compilation {@code id} (201 expected); its id. */
    public long newChapter(long id, String title) {
        Response r = post("/api/compilations/" + id + "/chapters", Map.of("title", title));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** Signs in through the form of {@code /login}; returns the answer to the form's POST. */
    Response signIn(String user, String password) {
        refreshCsrf("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", user);
        form.put("password", password);
        form.put("_csrf", csrf);
        Response r = form("/login", form);
        if (r.status() == 302 && r.header("Location").endsWith("/compilations")) {
            refreshCsrf("/compilations"); // the token of the signed-in session
        }
        return r;
    }

    /** Reads the session's CSRF token off a page (its meta tag). */
    String refreshCsrf(String page) {
        Response r = send("GET", page, null, "text/html");
        Document html = Jsoup.parse(r.body());
        csrf = html.select("meta[name=csrf-token]").attr("content");
        assertThat(csrf).as("CSRF token on " + page).isNotEmpty();
        return csrf;
    }

    String csrf() {
        return csrf;
    }

    Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return exchange(b);
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    Response page(String path) {
        return send("GET", path, null, "text/html");
    }

    public Response post(String path, Object json) {
        return send("POST", path, json, "application/json");
    }

    Response put(String path, Object json) {
        return send("PUT", path, json, "application/json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    /** JSON without the session's CSRF token (what a forged request would send). */
    Response postWithoutCsrf(String path, Object json) {
        String saved = csrf;
        csrf = null;
        try {
            return post(path, json);
        } finally {
            csrf = saved;
        }
    }

    public Response send(String method, String path, Object json, String accept) {
        HttpRequest.BodyPublisher body;
        try {
            body = json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(
                            json instanceof String s
                                    ? s.getBytes(StandardCharsets.UTF_8)
                                    : JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        HttpRequest.Builder b = request(path).header("Accept", accept).method(method, body);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (csrf != null && !method.equals("GET")) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return exchange(b);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (basic != null) {
            b.header("Authorization", basic);
        }
        return b;
    }

    private Response exchange(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            return new Response(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
