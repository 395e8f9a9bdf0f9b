package org.wenshi.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wenshi.ingest.enrich.DocumentEnricher;
import org.wenshi.ingest.enrich.Gazetteer;
import org.wenshi.ingest.enrich.ThemeTaxonomy;
import org.wenshi.ingest.extract.Extractors;
import org.wenshi.ingest.extract.isolated.ParseLimits;
import org.wenshi.ingest.index.ElasticsearchUnavailableException;
import org.wenshi.ingest.index.IndexedDocuments;
import org.wenshi.ingest.ocr.TesseractOcr;
import org.wenshi.ingest.report.Counts;
import org.wenshi.ingest.report.Progress;
import org.wenshi.ingest.report.RunReport;
import org.wenshi.ingest.sample.SampleArchive;
import org.wenshi.ingest.source.Crawler;
import org.wenshi.ingest.source.HttpValidators;
import org.wenshi.ingest.source.Source;
import org.wenshi.ingest.source.SourceFinder;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.localnode.ElasticsearchEndpoint;
import org.wenshi.schema.DocumentStore;
import org.wenshi.schema.ElasticsearchConnection;
import org.wenshi.schema.Fields;
import org.wenshi.schema.IndexDefinition;
import org.wenshi.schema.IndexNames;

/**
 * {@code java -jar wenshi-ingest.jar [options] SOURCE...}: the contract's ingest command. Parses the
 * command line, makes the sample archive when asked, counts the local sources (the first PDF or
 * Office file found starts the parser workers in the background), connects to Elasticsearch, ensures
 * the index, runs the pipeline, writes the run report and prints, as its last line,
 * {@code ingested=N unchanged=N duplicates=N skipped=N failed=N}.
 *
 * <p>Exit codes: 0 when the run finished (failed documents are reported, not fatal), 2 on bad usage
 * (with the usage text on stderr), 3 when Elasticsearch cannot be reached, 1 on any other error.
 * It holds no pipeline logic and never calls {@link System#exit} outside {@link #main}.
 */
public final class IngestCommand {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    private static final long PROGRESS_INTERVAL_MS = 2000;

    private IngestCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command with {@code env} as its environment; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        IngestOptions options;
        try {
            options = IngestOptions.parse(args);
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        }
        if (options.help()) {
            out.println(IngestOptions.USAGE);
            return OK;
        }
        IndexNames names;
        try {
            names = options.index().map(IndexNames::new).orElseGet(() -> indexFromEnvironment(env));
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        List<Path> roots = new ArrayList<>();
        List<URI> starts = new ArrayList<>();
        for (String s : options.sources()) {
            if (s.matches("(?i)https?://.*")) {
                URI start;
                try {
                    start = Crawler.normalize(new URI(s));
                } catch (URISyntaxException e) {
                    start = null;
                }
                if (start == null) {
                    return usage(err, "not a usable start URL: " + s);
                }
                starts.add(start);
                continue;
            }
            Path p = Path.of(s);
            if (!Files.exists(p)) {
                return usage(err, "no such file or folder: " + s);
            }
            roots.add(p); // a web archive too: the pipeline reads its records, wherever it is found
        }
        Path home = home(env);
        if (options.sample()) {
            try {
                roots.add(SampleArchive.ensure(home.resolve("sample"), options.sampleSize(), out));
            } catch (IOException | RuntimeException e) {
                err.println("wenshi-ingest: cannot make the sample archive under " + home.resolve("sample") + ": " + e);
                return ERROR;
            }
        }
        ParseLimits parseLimits;
        TesseractOcr.Settings ocrSettings;
        try {
            parseLimits = ParseLimits.fromEnvironment(env).withTimeout(Duration.ofSeconds(options.docTimeoutSeconds()));
            ocrSettings = TesseractOcr.Settings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try (TesseractOcr ocr = new TesseractOcr(ocrSettings);
                Extractors extractors = new Extractors(new StoreWriter(store(env, home)), ocr, parseLimits)) {
            // Walked before Elasticsearch is reached: the first PDF (or Office, OFD, EPUB file) found starts
            // the parser workers in the background, so their start-up hides behind the connection (on a
            // first run, behind the local node's start) instead of delaying the first document.
            long expected = -1; // a crawl's total is unknown; a web archive counts as its records once read
            if (starts.isEmpty()) {
                long[] total = {0};
                new SourceFinder().find(roots, f -> {
                    total[0]++;
                    extractors.prepare(f);
                });
                expected = total[0];
            }
            Sources sources = new Sources(roots, expected, starts, options.crawl());
            String url;
            try {
                url = options.esUrl()
                        .orElseGet(() -> env.get("WENSHI_ES_URL") != null
                                        && !env.get("WENSHI_ES_URL").isBlank()
                                ? env.get("WENSHI_ES_URL").trim()
                                : ElasticsearchEndpoint.resolve().url().toString());
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            } catch (RuntimeException e) {
                return unreachable(out, err, "the local Elasticsearch node could not be started: " + e.getMessage());
            }

            ElasticsearchConnection connection;
            try {
                connection = ElasticsearchConnection.open(url);
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            try (connection) {
                ElasticsearchClient client = connection.client();
                try {
                    client.cluster().health(h -> h.timeout(t -> t.time("10s")));
                    IndexDefinition.load().ensureIndex(client, names);
                } catch (IOException e) {
                    return unreachable(out, err, "cannot reach " + connection + ": " + describe(e));
                } catch (ElasticsearchException | IllegalStateException e) {
                    err.println("wenshi-ingest: cannot prepare index '" + names.alias() + "': " + e.getMessage());
                    return ERROR;
                }
                out.println("ingesting into index alias '" + names.alias() + "' at " + connection);
                return ingest(
                        client, names, sources, extractors, env, home, out, err, connection.toString(), args, options);
            } catch (IOException e) {
                err.println("wenshi-ingest: closing the connection: " + describe(e));
                return OK;
            }
        }
    }

    private static int ingest(
            ElasticsearchClient client,
            IndexNames names,
            Sources sources,
            Extractors extractors,
            Map<String, String> env,
            Path home,
            PrintStream out,
            PrintStream err,
            String redactedUrl,
            String[] args,
            IngestOptions options) {
        Instant started = Instant.now();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("arguments", List.of(args));
        run.put("elasticsearch", redactedUrl);
        run.put("index", names.alias());
        RunReport report = RunReport.create(home.resolve("reports"), started, run);
        Progress progress =
                new Progress(out, report.counts(), PROGRESS_INTERVAL_MS, out == System.out && System.console() != null);
        if (sources.expected() >= 0) {
            progress.expect(sources.expected());
        }
        int exit = OK;
        String error = null;
        try {
            DocumentEnricher enricher;
            try {
                enricher = new DocumentEnricher(Gazetteer.bundled(), ThemeTaxonomy.load(env));
            } catch (RuntimeException e) {
                err.println("wenshi-ingest: " + e.getMessage());
                report.finish(Instant.now(), ERROR, e.getMessage());
                return ERROR;
            }
            runPipeline(sources, client, names, extractors, enricher, report, progress, env, options);
        } catch (ElasticsearchUnavailableException e) {
            err.println("wenshi-ingest: Elasticsearch became unreachable; run stopped: " + e.getMessage());
            exit = UNREACHABLE;
            error = e.getMessage();
        } catch (RuntimeException e) {
            err.println("wenshi-ingest: run stopped by an unexpected error: " + e);
            exit = ERROR;
            error = e.toString();
        }
        report.finish(Instant.now(), exit, error);
        Counts counts = report.counts();
        out.println("report: " + report.file());
        out.println(report.metrics().summary());
        out.println(progress.summary());
        out.println(counts.lastLine());
        out.flush();
        return exit;
    }

    /** Finds the sources and carries them through the pipeline, to the last bulk answer. */
    private static void runPipeline(
            Sources sources,
            ElasticsearchClient client,
            IndexNames names,
            Extractors extractors,
            DocumentEnricher enricher,
            RunReport report,
            Progress progress,
            Map<String, String> env,
            IngestOptions options) {
        try (IngestPipeline pipeline = new IngestPipeline(
                client,
                names.alias(),
                extractors,
                enricher,
                report,
                progress,
                IngestPipeline.Settings.defaults()
                        .with(
                                options.maxSizeMb() * (1L << 20),
                                Duration.ofSeconds(options.docTimeoutSeconds()),
                                IngestVersion.of(env),
                                options.force()))) {
            new SourceFinder().find(sources.roots(), pipeline::accept);
            if (!sources.starts().isEmpty()) {
                IndexedDocuments stored = new IndexedDocuments(client, names.alias());
                new Crawler(sources.crawl(), url -> storedValidators(stored, url))
                        .crawl(sources.starts(), pipeline::accept);
            }
            pipeline.finish();
        }
    }

    /**
     * What to ingest: the files and folders among the SOURCEs (web archives included), how many
     * sources they hold as far as known beforehand (-1: unknown, with start URLs), the start URLs and
     * how to crawl.
     */
    private record Sources(List<Path> roots, long expected, List<URI> starts, Crawler.Settings crawl) {}

    /** The ETag and Last-Modified the index holds for the page at {@code url}, for a conditional re-fetch. */
    private static Optional<HttpValidators> storedValidators(IndexedDocuments stored, String url) {
        String id = Source.idForUrl(url);
        ObjectNode doc = stored.byId(List.of(id)).get(id);
        if (doc == null) {
            return Optional.empty();
        }
        return HttpValidators.of(
                doc.path(Fields.HTTP_ETAG).asText(null),
                doc.path(Fields.HTTP_LAST_MODIFIED).asText(null));
    }

    private static IndexNames indexFromEnvironment(Map<String, String> env) {
        if (env == System.getenv()) {
            return IndexNames.fromEnvironment();
        }
        String alias = env.get("WENSHI_INDEX");
        return new IndexNames(alias == null || alias.isBlank() ? IndexNames.DEFAULT_ALIAS : alias.trim());
    }

    /** {@code WENSHI_STORE}, else {@code $WENSHI_HOME/store}: where originals and page images go. */
    static DocumentStore store(Map<String, String> env, Path home) {
        String store = env.get("WENSHI_STORE");
        return new DocumentStore(store != null && !store.isBlank() ? Path.of(store.trim()) : home.resolve("store"));
    }

    static Path home(Map<String, String> env) {
        String h = env.get("WENSHI_HOME");
        return h != null && !h.isBlank() ? Path.of(h.trim()) : Path.of(System.getProperty("user.home"), ".wenshi");
    }

    private static int usage(PrintStream err, String message) {
        err.println("wenshi-ingest: " + message);
        err.println(IngestOptions.USAGE);
        return USAGE;
    }

    private static int unreachable(PrintStream out, PrintStream err, String message) {
        err.println("wenshi-ingest: Elasticsearch cannot be reached: " + message);
        out.println(new Counts().lastLine());
        return UNREACHABLE;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
