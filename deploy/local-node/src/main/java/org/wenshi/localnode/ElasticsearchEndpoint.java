package org.wenshi.localnode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Which Elasticsearch ingest and the portal talk to: {@code WENSHI_ES_URL} when set, else the managed
 * node of {@code $WENSHI_HOME} (default {@code ~/.wenshi}), started when it does not run.
 *
 * <p>Exists so that both programs follow the contract ({@code /work/shared/notes/contract.md}) with
 * the same code. With {@code WENSHI_ES_URL} set it must never touch the local node, and its {@code
 * toString} must never show a password that URL may carry.
 *
 * @param url the base URL, without a trailing slash
 * @param managed true when it is the local node this library started or reused
 */
public record ElasticsearchEndpoint(URI url, boolean managed) {

    static final String URL_VARIABLE = "WENSHI_ES_URL";

    /**
     * Resolves the endpoint from the environment.
     *
     * @throws IllegalArgumentException when {@code WENSHI_ES_URL} is not an http(s) URL
     * @throws LocalNodeException when the local node cannot be started
     */
    public static ElasticsearchEndpoint resolve() {
        return resolve(System.getenv());
    }

    static ElasticsearchEndpoint resolve(Map<String, String> environment) {
        String configured = environment.get(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new ElasticsearchEndpoint(parse(configured.trim()), false);
        }
        RunningNode node = LocalNode.forHome(LocalNode.defaultHome(environment), environment)
                .ensureRunning();
        return new ElasticsearchEndpoint(node.url(), true);
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_VARIABLE + " is not a URL: " + redact(url), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    URL_VARIABLE + " must be an http(s) URL such as http://localhost:9200, not " + redact(url));
        }
        return uri;
    }

    @Override
    public String toString() {
        return "ElasticsearchEndpoint[url=" + redact(url.toString()) + ", managed=" + managed + "]";
    }

    /** The URL with any user info replaced by {@code ***}. */
    static String redact(String url) {
        return url.replaceAll("(?<=://)[^/@]*@", "***@");
    }
}
