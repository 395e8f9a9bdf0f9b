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

    public static void main(String[] args) {
        // Defaults that -D options override. Netty's pooled buffer allocator: Netty 4.2's adaptive one
        // falls back to a new, zeroed direct buffer for many reads of Elasticsearch's 20-60 KB answers
        // and of the portal's own (about 5% more CPU per search). One event loop per core (Reactor
        // Netty starts at least 4): nothing blocks on them, and on 2 cores the 2 extra loops only
        // switched in and out beside Elasticsearch (about 6% more CPU per search). docs/benchmarks.md.
        System.getProperties().putIfAbsent("io.netty.allocator.type", "pooled");
        System.getProperties()
                .putIfAbsent(
                        "reactor.netty.ioWorkerCount",
                        Integer.toString(Runtime.getRuntime().availableProcessors()));
        SpringApplication.run(PortalApplication.class, args);
    }
}
