package org.wenshi.ingest.source;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A polite crawler for {@code http(s)://} start URLs given as SOURCE: breadth first, on the start
 * URL's host only unless told otherwise, obeying robots.txt (crawler-commons, user agent
 * {@value #ROBOT_NAME}), one request at a time with a delay between requests (robots.txt may ask
 * for a longer one), within a depth and a page limit. Redirects are followed only within that scope.
 * A page at the depth limit (whose links are not needed) is re-fetched conditionally with the ETag
 * and Last-Modified stored for it last time; a 304 ends it as unchanged without reading it. Pages
 * whose links the crawl follows are always fetched whole: the pipeline then recognises them as
 * unchanged by their content.
 *
 * <p>Every page it fetches or decides not to fetch ends as one {@link Found}: a page to extract, a
 * skipped one (404, unsupported media type, disallowed by robots.txt, redirect out of scope) or a
 * failed one (timeout, server error, too large: its content reports the failure when read, so the
 * next run retries it). Links are taken from HTML pages only. The set of URLs it has seen is bounded
 * by the page limit, so link loops end. It never sends anything but GET requests.
 */
public final class Crawler {
    /** The token robots.txt rules are matched against. */
    public static final String ROBOT_NAME = "wenshibot";
    /** The User-Agent header: names the project and how to reach it. */
    public static final String USER_AGENT =
            "WenshiBot/0.1 (+https://github.com/wenshi/wenshi; full-text search of CPPCC archives)";

    private static final int MAX_REDIRECTS = 5;
    private static final Duration MAX_ROBOTS_DELAY = Duration.ofSeconds(30);
    private static final Set<String> PAGE_EXTENSIONS =
            Set.of("", "asp", "aspx", "php", "jsp", "jspx", "do", "action", "cgi", "shtml", "shtm", "xhtml", "cfm");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /**
     * How to crawl.
     *
     * @param delay the pause between two requests to a host
     * @param maxDepth links followed from a start URL (0: the start URLs only)
     * @param maxPages the most URLs one crawl considers (fetched or not)
     * @param anyHost follow links to other hosts too
     * @param timeout the time one request may take, answer included
     * @param maxBytes the largest page read
     */
    public record Settings(
            Duration delay, int maxDepth, int maxPages, boolean anyHost, Duration timeout, long maxBytes) {
        public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
        public static final int DEFAULT_DEPTH = 3;
        public static final int DEFAULT_MAX_PAGES = 1000;
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    }

    private final Settings settings;
    private final HttpClient http;
    private final Function<String, Optional<HttpValidators>> stored;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final Map<String, Long> lastRequest = new HashMap<>();

    /**
     * @param stored the validators stored for a URL by the last run (from the index), if any
     */
    public Crawler(Settings settings, Function<String, Optional<HttpValidators>> stored) {
        this.settings = settings;
        this.stored = stored;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .build();
    }

    private record Pending(URI uri, int depth, String startHost) {}

    /** Crawls from {@code starts}, reporting every page to {@code sink} in crawl order. */
    public void crawl(List<URI> starts, Consumer<Found> sink) {
        ArrayDeque<Pending> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (URI start : starts) {
            URI u = normalize(start);
            if (u != null && seen.add(u.toString())) {
                queue.add(new Pending(u, 0, host(u)));
            }
        }
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            Page page = fetch(p, seen, sink);
            if (page == null || p.depth() >= settings.maxDepth()) {
                continue;
            }
            for (URI link : page.links()) {
                if (seen.size() >= settings.maxPages()) {
                    break;
                }
                if (inScope(link, p.startHost()) && followable(link) && seen.add(link.toString())) {
                    queue.add(new Pending(link, p.depth() + 1, p.startHost()));
                }
            }
        }
    }

    /** A fetched HTML page's links (absolute, without fragments). */
    private record Page(List<URI> links) {}

    /** Fetches one page and reports it; returns its links when it is an HTML page to follow. */
    private Page fetch(Pending p, Set<String> seen, Consumer<Found> sink) {
        URI uri = p.uri();
        boolean leaf = p.depth() >= settings.maxDepth();
        Optional<HttpValidators> previous = leaf ? stored.apply(uri.toString()) : Optional.empty();
        for (int redirects = 0; ; redirects++) {
            Source source = Source.ofWeb(uri.toString(), null, Source.Kind.WEB);
            if (!allowed(uri)) {
                sink.accept(Found.skip(source, "disallowed by robots.txt"));
                return null;
            }
            HttpResponse<InputStream> response;
            try {
                response = send(uri, previous);
            } catch (HttpTimeoutException e) {
                sink.accept(failed(
                        source, "fetch timed out after " + settings.timeout().toSeconds() + " s"));
                return null;
            } catch (IOException e) {
                sink.accept(failed(source, "fetch failed: " + describe(e)));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.accept(failed(source, "fetch interrupted"));
                return null;
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                URI from = uri;
                Optional<URI> to =
                        response.headers().firstValue("Location").map(l -> normalize(from.resolve(l.strip())));
                if (to.isEmpty()) {
                    sink.accept(Found.skip(source, "HTTP " + status + " redirect without a usable Location"));
                    return null;
                }
                URI target = to.get();
                if (!inScope(target, p.startHost())) {
                    sink.accept(Found.skip(source, "HTTP " + status + " redirect out of scope to " + target));
                    return null;
                }
                if (redirects >= MAX_REDIRECTS) {
                    sink.accept(Found.skip(source, "more than " + MAX_REDIRECTS + " redirects"));
                    return null;
                }
                if (!seen.add(target.toString())) {
                    sink.accept(
                            Found.skip(source, "HTTP " + status + " redirect to " + target + ", crawled on its own"));
                    return null;
                }
                uri = target;
                previous = leaf ? stored.apply(uri.toString()) : Optional.empty();
                continue;
            }
            return answer(source, response, status, sink);
        }
    }

    private Page answer(Source source, HttpResponse<InputStream> response, int status, Consumer<Found> sink) {
        if (status == 304) {
            close(response);
            sink.accept(Found.unchanged(source, "not modified since the last crawl (HTTP 304)"));
            return null;
        }
        if (status == 404 || status == 410 || status == 401 || status == 403) {
            close(response);
            sink.accept(Found.skip(source, "HTTP " + status + (status == 404 ? " Not Found" : "")));
            return null;
        }
        if (status != 200) {
            close(response);
            sink.accept(failed(source, "HTTP " + status));
            return null;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Source typed = Source.ofWeb(source.url(), contentType, Source.Kind.WEB);
        if (typed.format().isEmpty()) {
            close(response);
            sink.accept(Found.skip(
                    typed,
                    "unsupported media type: "
                            + (contentType == null ? "none declared" : contentType.replaceFirst(";.*", ""))));
            return null;
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
        } catch (IOException e) {
            sink.accept(failed(typed, "fetch failed while reading: " + describe(e)));
            return null;
        }
        if (bytes.length > settings.maxBytes()) {
            sink.accept(Found.extract(
                    typed,
                    SourceContent.failing(new SourceContent.TooLargeException(-1, settings.maxBytes()), contentType)));
            return null;
        }
        String etag = response.headers().firstValue("ETag").orElse(null);
        String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        sink.accept(Found.extract(
                typed,
                SourceContent.ofBytes(
                        bytes,
                        contentType,
                        parseHttpDate(lastModified),
                        HttpValidators.of(etag, lastModified).orElse(null))));
        if (typed.format().get() != Format.HTML) {
            return null;
        }
        return new Page(links(bytes, contentType, typed.url()));
    }

    private HttpResponse<InputStream> send(URI uri, Optional<HttpValidators> previous)
            throws IOException, InterruptedException {
        pause(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
                .GET();
        previous.ifPresent(v -> {
            if (v.etag() != null) {
                request.header("If-None-Match", v.etag());
            }
            if (v.lastModified() != null) {
                request.header("If-Modified-Since", v.lastModified());
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Waits until the delay since the last request to the same host has passed. */
    private void pause(URI uri) throws InterruptedException {
        String key = host(uri);
        long delay = delayFor(uri).toMillis();
        Long last = lastRequest.get(key);
        if (last != null) {
            long wait = last + delay - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        lastRequest.put(key, System.currentTimeMillis());
    }

    private Duration delayFor(URI uri) {
        BaseRobotRules rules = robots.get(origin(uri));
        if (rules != null && rules.getCrawlDelay() > 0) {
            Duration asked = Duration.ofMillis(rules.getCrawlDelay());
            Duration capped = asked.compareTo(MAX_ROBOTS_DELAY) > 0 ? MAX_ROBOTS_DELAY : asked;
            return capped.compareTo(settings.delay()) > 0 ? capped : settings.delay();
        }
        return settings.delay();
    }

    private boolean allowed(URI uri) {
        BaseRobotRules rules = robots.computeIfAbsent(origin(uri), o -> fetchRobots(URI.create(o + "/robots.txt")));
        return rules.isAllowed(uri.toString());
    }

    private BaseRobotRules fetchRobots(URI robotsTxt) {
        try {
            HttpResponse<InputStream> r = send(robotsTxt, Optional.empty());
            int status = r.statusCode();
            if (status != 200) {
                close(r);
                // crawler-commons: 4xx allows everything, 5xx disallows everything (RFC 9309).
                return robotsParser.failedFetch(status);
            }
            byte[] bytes;
            try (InputStream in = r.body()) {
                bytes = in.readNBytes(500 * 1024);
            }
            return robotsParser.parseContent(
                    robotsTxt.toString(),
                    bytes,
                    r.headers().firstValue("Content-Type").orElse("text/plain"),
                    List.of(ROBOT_NAME));
        } catch (IOException e) {
            return robotsParser.failedFetch(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return robotsParser.failedFetch(500);
        }
    }

    private List<URI> links(byte[] bytes, String contentType, String base) {
        String charset = Optional.ofNullable(contentType)
                .map(t -> t.replaceFirst("(?i).*charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+).*", "$1"))
                .filter(c -> !c.equals(contentType))
                .orElse(null);
        Document doc;
        try {
            doc = Jsoup.parse(new java.io.ByteArrayInputStream(bytes), charset, base);
        } catch (IOException e) {
            return List.of();
        }
        java.util.ArrayList<URI> out = new java.util.ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                continue;
            }
            try {
                URI u = normalize(new URI(href.replace(" ", "%20")));
                if (u != null) {
                    out.add(u);
                }
            } catch (URISyntaxException e) {
                // an unusable link is no page
            }
        }
        return out;
    }

    private boolean inScope(URI uri, String startHost) {
        return settings.anyHost() || host(uri).equals(startHost);
    }

    private static boolean followable(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return PAGE_EXTENSIONS.contains(ext)
                || Format.forExtension(ext).filter(f -> !f.image()).isPresent();
    }

    /** An http(s) URI without its fragment, with a path; null for anything else. */
    public static URI normalize(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return new URI(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path + query);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host(uri);
    }

    private static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** A page that could not be fetched: reading it reports the reason, so the run reports it failed. */
    private static Found failed(Source source, String reason) {
        return Found.extract(source, SourceContent.failing(new FetchFailedException(reason), null));
    }

    /** Why a page could not be fetched. */
    public static final class FetchFailedException extends IOException {
        public FetchFailedException(String reason) {
            super(reason);
        }
    }
}
