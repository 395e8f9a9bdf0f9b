package org.wenshi.portal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed sign-ins to one account, further
 * attempts are refused without checking the password for a lock time that doubles with every further
 * failure (1 minute, 2, 4 … up to 30), whatever the password; a success clears the count.
 *
 * <p>Hand-written because Spring Security has no sign-in throttling (its documentation leaves it to
 * the application, through the failure events), and the rule is a few lines. Kept in memory: a
 * restart forgets the counts, which only ever helps the one who forgot a password; with several
 * portal instances each counts its own. Keyed by account, not by address, so that guessing from many
 * addresses is slowed too; the price is that someone can keep an editor locked out, which is what
 * the admin's password reset and the lock's short start are for.
 */
@Component
public class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(30);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);

    private static final int MAX_TRACKED = 100_000;

    /** Refused because of too many failures; says when to try again. */
    public static final class TooManyAttempts extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        TooManyAttempts(Duration retryAfter) {
            super("Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private record State(int failures, Instant lastFailure, Instant lockedUntil) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws {@link TooManyAttempts} while {@code username} is locked. */
    public void check(String username) {
        State s = states.get(key(username));
        Instant now = clock.instant();
        if (s != null && s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
            throw new TooManyAttempts(Duration.between(now, s.lockedUntil()));
        }
    }

    public void failed(String username) {
        Instant now = clock.instant();
        if (states.size() > MAX_TRACKED) {
            states.values().removeIf(s -> s.lastFailure().plus(MEMORY).isBefore(now));
        }
        states.compute(key(username), (k, s) -> {
            int failures = s == null || s.lastFailure().plus(MEMORY).isBefore(now) ? 1 : s.failures() + 1;
            Instant locked = null;
            if (failures >= FREE_FAILURES) {
                long factor = 1L << Math.min(failures - FREE_FAILURES, 10);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                locked = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new State(failures, now, locked);
        });
    }

    public void succeeded(String username) {
        states.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
