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
        // One event loop per core, unless -Dreactor.netty.ioWorkerCount says otherwise (Reactor Netty's
        // default is at least 4): nothing blocks on them, and on 2 cores the 2 extra loops only
        // switched in and out beside Elasticsearch (about 6% more CPU per search, docs/benchmarks.md).
        if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
            System.setProperty(
                    "reactor.netty.ioWorkerCount",
                    Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
