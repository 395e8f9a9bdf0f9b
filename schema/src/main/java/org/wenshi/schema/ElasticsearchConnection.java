package org.wenshi.schema;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * One connection to Elasticsearch, giving the blocking client (ingest, tests) and the async client
 * (the portal, which must never block an event-loop thread) over the same transport. Accepts one
 * or several comma-separated node URLs, credentials in the URL's user-info or an API key in
 * {@code WENSHI_ES_API_KEY}, and for {@code https} a PEM file of CA certificates to trust in
 * {@code WENSHI_ES_CA} (a cluster with its own CA, as {@code deploy/production} sets up). Credentials
 * never appear in {@link #toString()}.
 */
public final class ElasticsearchConnection implements AutoCloseable {
    private final List<String> redactedUrls;
    private final Endpoints endpoints;
    private final RestClient restClient;
    private final RestClientTransport transport;

    private ElasticsearchConnection(List<String> redactedUrls, Endpoints endpoints, RestClient restClient) {
        this.redactedUrls = redactedUrls;
        this.endpoints = endpoints;
        this.restClient = restClient;
        this.transport = new RestClientTransport(restClient, new JacksonJsonpMapper());
    }

    /**
     * Where and how this connection reaches Elasticsearch, for a client of another HTTP stack (the
     * portal's event-loop search path) that must reach the same nodes with the same credentials and trust.
     *
     * @param nodes          {@code scheme://host:port} of each node, in the order given
     * @param authorization  the {@code Authorization} header value, or {@code null}
     * @param caCertificates the trusted CA certificates for {@code https}, or {@code null} for the JVM's defaults
     */
    public record Endpoints(List<URI> nodes, String authorization, TrustManagerFactory caCertificates) {
        @Override
        public String toString() {
            return "Endpoints" + nodes; // never the credentials
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Opens a connection to {@code urls}: {@code http://host:port}, comma-separated for several nodes. */
    public static ElasticsearchConnection open(String urls) {
        String ca = System.getenv("WENSHI_ES_CA");
        return open(urls, ca == null || ca.isBlank() ? null : Path.of(ca.trim()), System.getenv("WENSHI_ES_API_KEY"));
    }

    /**
     * Opens a connection with explicit settings instead of the environment.
     *
     * @param caCertificates PEM file of the certificates that sign the cluster's HTTPS certificate, or
     *     {@code null} for the JVM's default trust store
     * @param apiKey an API key, or {@code null} for none (user-info in the URL then gives basic auth)
     */
    public static ElasticsearchConnection open(String urls, Path caCertificates, String apiKey) {
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
        String authorization = null;
        if (apiKey != null && !apiKey.isBlank()) {
            authorization = "ApiKey " + apiKey.trim();
        } else if (userInfo != null) {
            String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            authorization = "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
        }
        List<Header> headers = new ArrayList<>();
        if (authorization != null) {
            headers.add(new BasicHeader("Authorization", authorization));
        }
        RestClientBuilder builder = RestClient.builder(hosts.toArray(HttpHost[]::new))
                .setDefaultHeaders(headers.toArray(Header[]::new))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(5_000).setSocketTimeout(120_000));
        TrustManagerFactory trust = caCertificates == null ? null : trusting(caCertificates);
        if (trust != null) {
            SSLContext ssl = sslContext(trust);
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(ssl));
        }
        List<URI> nodes = redacted.stream().map(URI::create).toList();
        return new ElasticsearchConnection(
                List.copyOf(redacted), new Endpoints(nodes, authorization, trust), builder.build());
    }

    /** Trust managers that trust exactly the certificates in {@code pem} (hostnames are still verified). */
    static TrustManagerFactory trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("No certificate in " + pem + " (WENSHI_ES_CA wants a PEM file)");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the CA certificates " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not usable as CA certificates: " + pem + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext sslContext(TrustManagerFactory trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS: " + e.getMessage(), e);
        }
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
