package org.wenshi.ingest.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;

/**
 * Calls to Elasticsearch retried with backoff when the transport fails or the node answers 429/503,
 * and turned into {@link ElasticsearchUnavailableException} when it keeps failing. It never retries
 * an answer that says the request itself is wrong.
 */
public final class Retrying {
    /** One call to Elasticsearch. */
    public interface Call<T> {
        T call() throws IOException;
    }

    static final int ATTEMPTS = 4;
    private static final long FIRST_BACKOFF_MS = 500;

    private Retrying() {}

    public static <T> T call(String what, Call<T> call) {
        long backoff = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new ElasticsearchUnavailableException(what + " failed: " + describe(e), e);
                }
            } catch (ElasticsearchException e) {
                if (!(e.status() == 429 || e.status() == 503) || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
            sleep(backoff);
            backoff *= 2;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchUnavailableException("interrupted while waiting to retry", e);
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return msg;
    }
}
