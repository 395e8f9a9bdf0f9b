package org.wenshi.portal.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the editors' data lives, bound from {@code wenshi.db.*}: the URL, user and password of a
 * PostgreSQL server; unset, {@code WENSHI_DB_URL} (with {@code WENSHI_DB_USER}, {@code
 * WENSHI_DB_PASSWORD}), else the managed local server of {@code $WENSHI_HOME}. {@link #toString()}
 * never shows the password.
 *
 * @param url      {@code jdbc:postgresql://…}, {@code r2dbc:postgresql://…} or {@code postgresql://…}
 * @param user     the user, when the URL names none
 * @param password its password
 * @param poolSize the most connections the portal holds open
 * @param timeout  how long one database call may take before the portal answers 503
 */
@ConfigurationProperties("wenshi.db")
public record DatabaseProperties(String url, String user, String password, Integer poolSize, Duration timeout) {

    public DatabaseProperties {
        url = url == null || url.isBlank() ? null : url.trim();
        poolSize = poolSize == null || poolSize < 1 ? 10 : poolSize;
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(10) : timeout;
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + (url == null ? "<WENSHI_DB_URL or the managed local server>" : url)
                + ", user=" + user + ", password=" + (password == null ? "none" : "***") + ", poolSize=" + poolSize
                + ", timeout=" + timeout + "]";
    }
}
