package org.wenshi.portal.system;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * How the portal brings up what it depends on (Elasticsearch, the database) without making readers
 * wait for it: a blocking task on a worker thread, retried with Reactor's backoff (1 s doubling to 30
 * s) for as long as the failure is one that passes, each attempt told to {@code state} and the log.
 */
final class BackgroundStart {
    private BackgroundStart() {}

    /**
     * Runs {@code task} until it succeeds or fails in a way {@code worthRetrying} refuses.
     *
     * @param what what is awaited, for the log ("Elasticsearch", "the database")
     * @param state told what is happening: "waiting for …: why", "failed: why"
     * @param onFailure what to log when it gives up
     */
    static Disposable run(
            String what,
            Runnable task,
            Predicate<Throwable> worthRetrying,
            Consumer<String> state,
            Logger log,
            String onFailure) {
        return Mono.fromRunnable(task)
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .filter(worthRetrying)
                        .doBeforeRetry(signal -> {
                            state.accept("waiting for " + what + ": " + describe(signal.failure()));
                            log.warn(
                                    "{} not ready (attempt {}): {}; retrying",
                                    what,
                                    signal.totalRetries() + 1,
                                    describe(signal.failure()));
                        }))
                .subscribe(ok -> {}, e -> {
                    state.accept("failed: " + describe(e));
                    log.error(onFailure, e);
                });
    }

    /** The root cause, as a health detail or a log line may show it: {@code ConnectException: refused}. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
