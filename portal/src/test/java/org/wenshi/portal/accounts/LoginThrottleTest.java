package org.wenshi.portal.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves. */
    static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFailuresLockForAMinuteThenLongerEachTime() {
        Manual clock = new Manual();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("Editor");
            assertThatCode(() -> throttle.check("editor")).doesNotThrowAnyException();
        }
        throttle.failed("editor");
        assertThatThrownBy(() -> throttle.check("EDITOR"))
                .isInstanceOfSatisfying(LoginThrottle.TooManyAttempts.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofMinutes(1)));
        assertThatCode(() -> throttle.check("someone-else")).doesNotThrowAnyException();

        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThatCode(() -> throttle.check("editor")).doesNotThrowAnyException();
        throttle.failed("editor");
        assertThatThrownBy(() -> throttle.check("editor"))
                .isInstanceOfSatisfying(LoginThrottle.TooManyAttempts.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void theLockNeverExceedsThirtyMinutesAndASuccessClearsIt() {
        Manual clock = new Manual();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 40; i++) {
            throttle.failed("editor");
        }
        assertThatThrownBy(() -> throttle.check("editor"))
                .isInstanceOfSatisfying(LoginThrottle.TooManyAttempts.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(LoginThrottle.LONGEST_LOCK));
        throttle.succeeded("editor");
        assertThatCode(() -> throttle.check("editor")).doesNotThrowAnyException();
    }

    @Test
    void failuresOlderThanAnHourAreForgotten() {
        Manual clock = new Manual();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed("editor");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        throttle.failed("editor");
        assertThatCode(() -> throttle.check("editor")).doesNotThrowAnyException();
    }
}
