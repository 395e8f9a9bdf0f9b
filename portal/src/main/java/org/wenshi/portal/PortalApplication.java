package org.wenshi.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of {@code java -jar wenshi-portal.jar}. It only boots Spring; every feature lives in
 * its own package and never depends on ingest code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    /**
     * Netty's buffer allocator, unless {@code -Dio.netty.allocator.type} chooses another. Netty 4.2's
     * default (adaptive) falls back to a new, zeroed direct buffer for many of the reads of
     * Elasticsearch's 20-60 KB answers and of the portal's own answers; the pooled allocator reuses
     * its buffers (about 5% less CPU per search, docs/benchmarks.md).
     */
    static final String NETTY_ALLOCATOR = "pooled";

    public static void main(String[] args) {
        if (System.getProperty("io.netty.allocator.type") == null) {
            System.setProperty("io.netty.allocator.type", NETTY_ALLOCATOR);
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
