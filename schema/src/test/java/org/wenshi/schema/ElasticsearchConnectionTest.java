package org.wenshi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection's TLS trust and credentials against a loopback HTTPS server whose certificate is
 * signed by nobody the JVM trusts, as a production cluster with its own CA is.
 */
class ElasticsearchConnectionTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static Path caPem;
    private static volatile String lastAuthorization;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        caPem = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "es",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "es",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                caPem.toString());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/_cluster/health", exchange -> {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = "{\"cluster_name\":\"prod\",\"status\":\"green\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool %s: %s", args[0], out).isZero();
    }

    private static String url(String userInfo) {
        return "https://" + userInfo + "localhost:" + server.getAddress().getPort();
    }

    @Test
    void trustsAClusterSignedByTheGivenCaAndSendsApiKey() throws Exception {
        try (ElasticsearchConnection c = ElasticsearchConnection.open(url(""), caPem, "a2V5OnNlY3JldA==")) {
            Response response = c.restClient().performRequest(new Request("GET", "/_cluster/health"));
            assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
            assertThat(lastAuthorization).isEqualTo("ApiKey a2V5OnNlY3JldA==");
        }
    }

    @Test
    void sendsBasicAuthFromTheUrlAndNeverShowsIt() throws Exception {
        try (ElasticsearchConnection c = ElasticsearchConnection.open(url("elastic:s%40cret@"), caPem, null)) {
            c.restClient().performRequest(new Request("GET", "/_cluster/health"));
            assertThat(lastAuthorization).isEqualTo("Basic ZWxhc3RpYzpzQGNyZXQ="); // elastic:s@cret
            assertThat(c.toString()).doesNotContain("s@cret", "s%40cret", "elastic:");
        }
    }

    @Test
    void refusesAClusterWhoseCertificateNobodyTrusts() throws Exception {
        try (ElasticsearchConnection c = ElasticsearchConnection.open(url(""), null, null)) {
            assertThatThrownBy(() -> c.restClient().performRequest(new Request("GET", "/_cluster/health")))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("unable to find valid certification path");
        }
    }

    @Test
    void saysWhatIsWrongWithACaFileThatHoldsNoCertificate() throws Exception {
        Path notPem = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> ElasticsearchConnection.open(url(""), notPem, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty.pem");
    }

    @Test
    void rejectsSomethingThatIsNotAUrl() {
        assertThatThrownBy(() -> ElasticsearchConnection.open("localhost", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost");
    }
}
