package org.wenshi.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        int docTimeoutSeconds) {

    static final int DEFAULT_SAMPLE_SIZE = 320;
    static final int DEFAULT_MAX_SIZE_MB = 256;
    static final int DEFAULT_DOC_TIMEOUT_SECONDS = 600;

    static final String USAGE = """
            usage: java -jar wenshi-ingest.jar [options] SOURCE...
              SOURCE             a file or a folder (searched recursively; links inside are not followed).
                                 Supported now: .txt .text .html .htm; other files are reported as skipped.
            options:
              --sample           make the sample archive under $WENSHI_HOME/sample (if not there yet) and ingest it
              --sample-size N    documents in the sample archive (default 320)
              --index ALIAS      index alias to write to (default: $WENSHI_INDEX or wenshi-docs)
              --es-url URL       Elasticsearch to use (default: $WENSHI_ES_URL, else the managed local node)
              --force            extract every source again (default: only new or changed sources, and failed ones)
              --max-size MB      sources larger than this fail with a reason (default 256)
              --doc-timeout S    a source whose extraction takes longer fails with a reason (default 600)
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
                default -> throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (!help && sources.isEmpty() && !sample) {
            throw new UsageException("no SOURCE given (and no --sample)");
        }
        return new IngestOptions(
                List.copyOf(sources),
                sample,
                sampleSize,
                Optional.ofNullable(index),
                Optional.ofNullable(esUrl),
                help,
                force,
                maxSizeMb,
                docTimeoutSeconds);
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
