package org.wenshi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wenshi.ingest.source.Crawler;

class CrawlOptionsTest {

    @Test
    void crawlsPolitelyByDefault() throws Exception {
        Crawler.Settings crawl = IngestOptions.parse(new String[] {"https://www.example.gov.cn/"})
                .crawl();
        assertThat(crawl.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(crawl.maxDepth()).isEqualTo(3);
        assertThat(crawl.maxPages()).isEqualTo(1000);
        assertThat(crawl.anyHost()).isFalse();
        assertThat(crawl.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsCrawlOptionsWithSeparateAndInlineValues() throws Exception {
        Crawler.Settings crawl = IngestOptions.parse(new String[] {
                    "--crawl-delay=0.25",
                    "--crawl-depth",
                    "0",
                    "--crawl-max-pages",
                    "20",
                    "--crawl-any-host",
                    "--crawl-timeout",
                    "5",
                    "http://www.example.cn/"
                })
                .crawl();
        assertThat(crawl.delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(crawl.maxDepth()).isZero();
        assertThat(crawl.maxPages()).isEqualTo(20);
        assertThat(crawl.anyHost()).isTrue();
        assertThat(crawl.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsBadCrawlValuesWithAClearMessage() {
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--crawl-depth", "-1", "http://a.cn/"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("--crawl-depth must be 0 or more");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--crawl-max-pages", "many", "http://a.cn/"}))
                .isInstanceOf(UsageException.class)
                .hasMessage("--crawl-max-pages needs a whole number, not 'many'");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--crawl-timeout", "0", "http://a.cn/"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("more than 0");
        assertThat(IngestOptions.USAGE).contains("--crawl-delay", "--crawl-any-host", ".warc.gz");
    }
}
