package org.wenshi.portal.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrowserSessionTest {

    @Test
    void missingChromiumFailsSayingWhatToInstall() {
        String before = System.getProperty("wenshi.chromium");
        System.setProperty("wenshi.chromium", "/nonexistent/chromium");
        try {
            assertThatThrownBy(BrowserSession::start)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("/nonexistent/chromium")
                    .hasMessageContaining(
                            "install chromium and chromium-driver (apt-get install chromium chromium-driver)");
        } finally {
            if (before == null) {
                System.clearProperty("wenshi.chromium");
            } else {
                System.setProperty("wenshi.chromium", before);
            }
        }
    }
}
