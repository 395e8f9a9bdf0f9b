package org.wenshi.portal.system;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.wenshi.schema.IndexNames;

/**
 * The portal's own settings, bound from {@code wenshi.*}. A record so that a setting cannot change
 * under a running request; {@link #toString()} never shows credentials of the Elasticsearch URL.
 *
 * @param esUrl     Elasticsearch to use; when blank, the managed local node of {@code $WENSHI_HOME}
 * @param index     the alias searched; when blank, {@code WENSHI_INDEX} or {@code wenshi-docs}
 * @param esTimeout how long one Elasticsearch call may take before the portal answers 503
 */
@ConfigurationProperties("wenshi")
public record WenshiProperties(String esUrl, String index, Duration esTimeout) {

    public WenshiProperties {
        esUrl = esUrl == null || esUrl.isBlank() ? null : esUrl.trim();
        index = index == null || index.isBlank() ? IndexNames.fromEnvironment().alias() : index.trim();
        esTimeout =
                esTimeout == null || esTimeout.isNegative() || esTimeout.isZero() ? Duration.ofSeconds(30) : esTimeout;
        new IndexNames(index); // fails startup with a clear message for an invalid alias
    }

    /** The configured URL, or empty when the managed local node is meant. */
    public Optional<String> configuredEsUrl() {
        return Optional.ofNullable(esUrl);
    }

    public IndexNames indexNames() {
        return new IndexNames(index);
    }

    /** A URL as it may appear in logs and health details: scheme, host and port only. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String one : url.split(",")) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            try {
                URI uri = URI.create(one.trim());
                out.append(uri.getScheme()).append("://").append(uri.getHost());
                if (uri.getPort() > 0) {
                    out.append(':').append(uri.getPort());
                }
            } catch (IllegalArgumentException e) {
                out.append("<unparsable URL>");
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "WenshiProperties[esUrl=" + (esUrl == null ? "<managed local node>" : redact(esUrl)) + ", index=" + index
                + ", esTimeout=" + esTimeout + "]";
    }
}
