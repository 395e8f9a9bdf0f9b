package org.wenshi.schema;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/**
 * One connection to Elasticsearch, giving the blocking client (ingest, tests) and the async client
 * (the portal, which must never block an event-loop thread) over the same transport. Accepts one
 * or several comma-separated node URLs, credentials in the URL's user-info or an API key in
 * {@code WENSHI_ES_API_KEY}. Credentials never appear in {@link #toString()}.
 */
public final class ElasticsearchConnection implements AutoCloseable {
    private final List<String> redactedUrls;
    private final RestClient restClient;
    private final RestClientTransport transport;

    private ElasticsearchConnection(List<String> redactedUrls, RestClient restClient) {
        this.redactedUrls = redactedUrls;
        this.restClient = restClient;
        this.transport = new RestClientTransport(restClient, new JacksonJsonpMapper());
    }

    /** Opens a connection to {@code urls}: {@code http://host:port}, comma-separated for several nodes. */
    public static ElasticsearchConnection open(String urls) {
        if (urls == null || urls.isBlank()) {
            throw new IllegalArgumentException("No Elasticsearch URL given");
        }
        List<HttpHost> hosts = new ArrayList<>();
        List<String> redacted = new ArrayList<>();
        String userInfo = null;
        for (String raw : urls.split(",")) {
            URI uri = URI.create(raw.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("Not an Elasticsearch URL (want http://host:port): " + raw.trim());
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 9200;
            hosts.add(new HttpHost(uri.getHost(), port, uri.getScheme()));
            redacted.add(uri.getScheme() + "://" + uri.getHost() + ":" + port);
            if (uri.getRawUserInfo() != null) {
                userInfo = uri.getRawUserInfo();
            }
        }
        List<Header> headers = new ArrayList<>();
        String apiKey = System.getenv("WENSHI_ES_API_KEY");
        if (apiKey != null && !apiKey.isBlank()) {
            headers.add(new BasicHeader("Authorization", "ApiKey " + apiKey.trim()));
        } else if (userInfo != null) {
            String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            headers.add(new BasicHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8))));
        }
        RestClient rest = RestClient.builder(hosts.toArray(HttpHost[]::new))
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(5_000).setSocketTimeout(120_000))
                .build();
        return new ElasticsearchConnection(List.copyOf(redacted), rest);
    }

    public ElasticsearchClient client() {
        return new ElasticsearchClient(transport);
    }

    public ElasticsearchAsyncClient asyncClient() {
        return new ElasticsearchAsyncClient(transport);
    }

    /** The low-level client, for the few calls the typed client lacks (e.g. plain health probes). */
    public RestClient restClient() {
        return restClient;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    @Override
    public String toString() {
        return "ElasticsearchConnection" + redactedUrls;
    }
}
