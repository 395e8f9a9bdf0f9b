package org.wenshi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wenshi.ingest.source.Crawler;

/**
 * The parsed command line. Exists to keep parsing (and its usage errors) apart from running; it
 * never touches the file system or the network.
 *
 * @param sources SOURCE arguments as given
 * @param sample {@code --sample}
 * @param sampleSize {@code --sample-size N}: documents in the sample archive
 * @param index {@code --index ALIAS}
 * @param esUrl {@code --es-url URL}
 * @param help {@code --help}
 * @param force {@code --force}: extract every source again, even when unchanged
 * @param maxSizeMb {@code --max-size MB}: larger sources fail with a reason
 * @param docTimeoutSeconds {@code --doc-timeout S}: longer extractions fail with a reason
 * @param crawl {@code --crawl-delay}, {@code --crawl-depth}, {@code --crawl-max-pages}, {@code --crawl-any-host},
 *     {@code --crawl-timeout}: how {@code http(s)://} SOURCEs are crawled
 */
record IngestOptions(
        List<String> sources,
        boolean sample,
        int sampleSize,
        Optional<String> index,
        Optional<String> esUrl,
        boolean help,
        boolean force,
        int maxSizeMb,
        int docTimeoutSeconds,
        Crawler.Settings crawl) {

    static final int DEFAULT_SAMPLE_SIZE = 320;
    static final int DEFAULT_MAX_SIZE_MB = 256;
    static final int DEFAULT_DOC_TIMEOUT_SECONDS = 600;
    /** The largest page a crawl reads. */
    static final long MAX_PAGE_BYTES = 32L << 20;

    static final String USAGE = """
            usage: java -jar wenshi-ingest.jar [options] SOURCE...
              SOURCE             a file or a folder (searched recursively; links inside are not followed),
                                 a web archive (.warc, .warc.gz: its HTTP 200 responses), or an http(s):// start
                                 URL to crawl. Formats: .txt .text .html .htm .pdf .doc .docx .wps .ofd .epub
                                 .tif .tiff .png .jpg .jpeg (scans are OCR'd); others are reported as skipped.
            options:
              --sample           make the sample archive under $WENSHI_HOME/sample (if not there yet) and ingest it
              --sample-size N    documents in the sample archive (default 320)
              --index ALIAS      index alias to write to (default: $WENSHI_INDEX or wenshi-docs)
              --es-url URL       Elasticsearch to use (default: $WENSHI_ES_URL, else the managed local node)
              --force            extract every source again (default: only new or changed sources, and failed ones)
              --max-size MB      sources larger than this fail with a reason (default 256)
              --doc-timeout S    a source whose extraction takes longer fails with a reason (default 600)
              --crawl-delay S    seconds between two requests to a host (default 1; robots.txt may ask for more)
              --crawl-depth N    links followed from a start URL (default 3; 0 = the start URLs only)
              --crawl-max-pages N  the most pages one crawl considers (default 1000)
              --crawl-any-host   follow links to other hosts too (default: the start URL's host only)
              --crawl-timeout S  seconds one request may take (default 30)
              --help             this text
            environment: WENSHI_HOME (default ~/.wenshi), WENSHI_ES_URL, WENSHI_INDEX, WENSHI_THEMES (theme taxonomy file)
            exit codes: 0 run finished (failed documents are in the report), 2 bad usage, 3 Elasticsearch unreachable
            last line: ingested=N unchanged=N duplicates=N skipped=N failed=N""";

    static IngestOptions parse(String[] args) throws UsageException {
        List<String> sources = new ArrayList<>();
        boolean sample = false;
        int sampleSize = DEFAULT_SAMPLE_SIZE;
        String index = null;
        String esUrl = null;
        boolean help = false;
        boolean force = false;
        int maxSizeMb = DEFAULT_MAX_SIZE_MB;
        int docTimeoutSeconds = DEFAULT_DOC_TIMEOUT_SECONDS;
        boolean onlySources = false;
        double crawlDelay = Crawler.Settings.DEFAULT_DELAY.toMillis() / 1000.0;
        int crawlDepth = Crawler.Settings.DEFAULT_DEPTH;
        int crawlMaxPages = Crawler.Settings.DEFAULT_MAX_PAGES;
        boolean crawlAnyHost = false;
        double crawlTimeout = Crawler.Settings.DEFAULT_TIMEOUT.toSeconds();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlySources || !arg.startsWith("-") || arg.equals("-")) {
                if (arg.isBlank()) {
                    throw new UsageException("empty SOURCE argument");
                }
                sources.add(arg);
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "--" -> onlySources = true;
                case "--help", "-h" -> help = true;
                case "--sample" -> sample = true;
                case "--sample-size" -> {
                    String v = value(args, i, name, inline);
                    if (inline == null) {
                        i++;
                    }
                    try {
                        sampleSize = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--sample-size needs a number, not '" + v + "'");
                    }
                    if (sampleSize < 1) {
                        throw new UsageException("--sample-size must be at least 1");
                    }
                }
                case "--index" -> {
                    if (index != null) {
                        throw new UsageException("--index given twice");
                    }
                    index = value(args, i, name, inline);
                    if (inline == null) {
                        i++;
                    }
                }
                case "--es-url" -> {
                    if (esUrl != null) {
                        throw new UsageException("--es-url given twice");
                    }
                    esUrl = value(args, i, name, inline);
                    if (inline == null) {
                        i++;
                    }
                    if (!esUrl.matches("(?i)https?://.+")) {
                        throw new UsageException(
                                "--es-url must be an http(s) URL such as http://localhost:9200, not '" + esUrl + "'");
                    }
                }
                case "--force" -> force = true;
                case "--max-size" -> {
                    maxSizeMb = positive(value(args, i, name, inline), name);
                    if (inline == null) {
                        i++;
                    }
                }
                case "--doc-timeout" -> {
                    docTimeoutSeconds = positive(value(args, i, name, inline), name);
                    if (inline == null) {
                        i++;
                    }
                }
                case "--crawl-delay", "--crawl-timeout" -> {
                    String v = value(args, i, name, inline);
                    if (inline == null) {
                        i++;
                    }
                    double seconds;
                    try {
                        seconds = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException(name + " needs a number of seconds, not '" + v + "'");
                    }
                    if (!(seconds >= 0) || seconds > 3600 || name.equals("--crawl-timeout") && seconds <= 0) {
                        throw new UsageException(name + " must be between 0 and 3600 seconds"
                                + (name.equals("--crawl-timeout") ? " (and more than 0)" : ""));
                    }
                    if (name.equals("--crawl-delay")) {
                        crawlDelay = seconds;
                    } else {
                        crawlTimeout = seconds;
                    }
                }
                case "--crawl-depth", "--crawl-max-pages" -> {
                    String v = value(args, i, name, inline);
                    if (inline == null) {
                        i++;
                    }
                    int n;
                    try {
                        n = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException(name + " needs a whole number, not '" + v + "'");
                    }
                    if (name.equals("--crawl-depth")) {
                        if (n < 0) {
                            throw new UsageException("--crawl-depth must be 0 or more");
                        }
                        crawlDepth = n;
                    } else {
                        if (n < 1) {
                            throw new UsageException("--crawl-max-pages must be at least 1");
                        }
                        crawlMaxPages = n;
                    }
                }
                case "--crawl-any-host" -> crawlAnyHost = true;
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (!help && sources.isEmpty() && !sample) {
            throw new UsageException("no SOURCE given (and no --sample)");
        }
        Crawler.Settings crawl = new Crawler.Settings(
                java.time.Duration.ofMillis(Math.round(crawlDelay * 1000)),
                crawlDepth,
                crawlMaxPages,
                crawlAnyHost,
                java.time.Duration.ofMillis(Math.round(crawlTimeout * 1000)),
                MAX_PAGE_BYTES);
        return new IngestOptions(
                List.copyOf(sources),
                sample,
                sampleSize,
                Optional.ofNullable(index),
                Optional.ofNullable(esUrl),
                help,
                force,
                maxSizeMb,
                docTimeoutSeconds,
                crawl);
    }

    private static int positive(String v, String name) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new UsageException(name + " must be at least 1, not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, not '" + v + "'");
        }
    }

    private static String value(String[] args, int i, String name, String inline) throws UsageException {
        String v = inline != null ? inline : i + 1 < args.length ? args[i + 1] : null;
        if (v == null || v.isBlank() || inline == null && v.startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return v.trim();
    }
}
