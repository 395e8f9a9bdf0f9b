package org.wenshi.localnode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the launcher is told: the Elasticsearch version and distribution written into this jar by the
 * build ({@code local-node.properties}), and the environment ({@code WENSHI_ES_DISTRIBUTION}, {@code
 * WENSHI_ES_HEAP}, {@code WENSHI_ES_START_TIMEOUT}).
 *
 * <p>Exists so that every outside input of the launcher is read and checked in one place, with a
 * message naming the variable when it is wrong. It must never name a second Elasticsearch version:
 * the version comes from the one Maven property {@code elasticsearch.version} through the build.
 *
 * @param elasticsearchVersion the version this build was made for
 * @param distributionZip the distribution to install from (it need not exist until an install)
 * @param heap {@code -Xms}/{@code -Xmx} of the server, like {@code 1g} or {@code 512m}
 * @param startTimeout how long a start may take until the node is usable
 */
record LocalNodeProperties(String elasticsearchVersion, Path distributionZip, String heap, Duration startTimeout) {

    static final String DISTRIBUTION_VARIABLE = "WENSHI_ES_DISTRIBUTION";
    static final String HEAP_VARIABLE = "WENSHI_ES_HEAP";
    static final String TIMEOUT_VARIABLE = "WENSHI_ES_START_TIMEOUT";
    static final String RESOURCE = "local-node.properties";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]");

    static LocalNodeProperties fromEnvironment(Map<String, String> environment) {
        Properties built = builtIn();
        String version = built.getProperty("elasticsearch.version");
        Path distribution = Path.of(built.getProperty("distribution.zip"));
        String override = environment.get(DISTRIBUTION_VARIABLE);
        if (override != null && !override.isBlank()) {
            distribution = Path.of(override.trim()).toAbsolutePath();
        }
        String heap = environment.getOrDefault(HEAP_VARIABLE, "1g").trim();
        if (!HEAP.matcher(heap).matches()) {
            throw new LocalNodeException(HEAP_VARIABLE + "=" + heap + " is not a heap size such as 1g or 512m");
        }
        String timeout = environment.getOrDefault(TIMEOUT_VARIABLE, "120").trim();
        long seconds;
        try {
            seconds = Long.parseLong(timeout.endsWith("s") ? timeout.substring(0, timeout.length() - 1) : timeout);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds <= 0) {
            throw new LocalNodeException(TIMEOUT_VARIABLE + "=" + timeout + " is not a number of seconds such as 120");
        }
        return new LocalNodeProperties(version, distribution, heap, Duration.ofSeconds(seconds));
    }

    /** The distribution zip, or an error that says how to get it. */
    Path requireDistribution() {
        if (Files.isRegularFile(distributionZip)) {
            return distributionZip;
        }
        throw new LocalNodeException("the Elasticsearch " + elasticsearchVersion + " distribution is missing: "
                + distributionZip
                + " does not exist. Fetch it with\n  mvn dependency:get -Dtransitive=false -Dartifact="
                + "org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + elasticsearchVersion + ":zip\n"
                + "or point " + DISTRIBUTION_VARIABLE + " at a copy of elasticsearch-" + elasticsearchVersion
                + ".zip.");
    }

    private static Properties builtIn() {
        Properties properties = new Properties();
        try (InputStream in = LocalNodeProperties.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LocalNodeException(
                        "this jar has no org/wenshi/localnode/" + RESOURCE + "; rebuild it with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new LocalNodeException("cannot read org/wenshi/localnode/" + RESOURCE + ": " + e.getMessage(), e);
        }
        for (String key : new String[] {"elasticsearch.version", "distribution.zip"}) {
            String value = properties.getProperty(key, "");
            if (value.isBlank() || value.contains("${")) {
                throw new LocalNodeException("org/wenshi/localnode/" + RESOURCE + " has no usable " + key + " ('"
                        + value + "'): it is written by Maven resource filtering; build with mvn, not only an IDE");
            }
        }
        return properties;
    }
}
