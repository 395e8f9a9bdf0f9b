package org.wenshi.portal.system;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wenshi.localdb.DatabaseEndpoint;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The portal's PostgreSQL, for accounts, compilations and their history: the one {@link
 * ConnectionFactory} of the application, which Spring Data R2DBC's {@code DatabaseClient} and the
 * transaction manager use.
 *
 * <p>Like {@link ElasticsearchAccess}, it exists so that readers never depend on the database: the
 * portal starts at once; in the background it resolves the server ({@code wenshi.db.*}, else {@code
 * WENSHI_DB_URL}, else the managed local server of {@code $WENSHI_HOME}, started on first use),
 * migrates the schema with Flyway (JDBC, once, on a worker thread), opens an R2DBC pool and announces
 * {@link DatabaseReady}; it retries with backoff until it succeeds. A connection asked for meanwhile
 * fails at once with a 503 ({@code database_unavailable}), never a wait on a request thread.
 */
@Component
public class DatabaseAccess implements ConnectionFactory, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DatabaseAccess.class);
    private static final String LOCATIONS = "classpath:db/migration";

    /** Published once the schema is migrated and the pool open. */
    public record DatabaseReady(DatabaseEndpoint endpoint) {}

    private final DatabaseProperties properties;
    private final ApplicationEventPublisher events;
    private final AtomicReference<ConnectionPool> pool = new AtomicReference<>();
    private volatile String state = "starting";
    private volatile Disposable startup;
    private volatile boolean running;

    public DatabaseAccess(DatabaseProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
    }

    /** Whether the schema is migrated and the pool open. */
    public boolean ready() {
        return pool.get() != null;
    }

    /** What the startup task last did, for health details. */
    public String state() {
        return state;
    }

    /** How long one database call may take. */
    public Duration timeout() {
        return properties.timeout();
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.defer(() -> {
            ConnectionPool p = pool.get();
            if (p == null) {
                return Mono.error(unavailable());
            }
            return p.create();
        });
    }

    /** The 503 every editors' call answers while the database is not ready. */
    public ApiException unavailable() {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database_unavailable",
                // What it is doing (state) is for operators: /actuator/health shows it, the log explains it.
                "The editors' database is not available right now; please try again in a moment / 编辑数据库暂不可用，请稍后再试");
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        // Spring Data picks its SQL dialect by this name before any connection exists.
        return () -> "PostgreSQL";
    }

    /** Resolves, migrates and opens; blocking, so only on a worker thread. */
    private void connect() {
        state = properties.url() == null
                ? "resolving the database (WENSHI_DB_URL or the managed local server)"
                : "connecting";
        DatabaseEndpoint endpoint = properties.url() != null
                ? DatabaseEndpoint.parse(properties.url(), properties.user(), properties.password())
                : DatabaseEndpoint.resolve();
        state = "migrating the schema";
        MigrateResult migrated = Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.user(), endpoint.password())
                .locations(LOCATIONS)
                .load()
                .migrate();
        log.info(
                "Database {}: schema at version {} ({} migration(s) applied)",
                endpoint,
                migrated.targetSchemaVersion == null ? "unchanged" : migrated.targetSchemaVersion,
                migrated.migrationsExecuted);
        PostgresqlConnectionFactory factory =
                new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                        .host(endpoint.host())
                        .port(endpoint.port())
                        .database(endpoint.database())
                        .username(endpoint.user())
                        .password(endpoint.password())
                        .connectTimeout(properties.timeout())
                        .applicationName("wenshi-portal")
                        .build());
        ConnectionPool opened = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .name("wenshi")
                .initialSize(1)
                .maxSize(properties.poolSize())
                .maxAcquireTime(properties.timeout())
                .maxIdleTime(Duration.ofMinutes(10))
                .validationQuery("SELECT 1")
                .build());
        ConnectionPool previous = pool.getAndSet(opened);
        if (previous != null) {
            previous.dispose();
        }
        state = "ready";
        events.publishEvent(new DatabaseReady(endpoint));
    }

    @Override
    public void start() {
        running = true;
        startup = BackgroundStart.run(
                "the database",
                this::connect,
                DatabaseAccess::worthRetrying,
                s -> state = s,
                log,
                "Cannot use the database; editors' pages answer 503 until this is fixed");
    }

    /**
     * An unreachable or starting server comes back; a bad URL, or a schema that does not match this
     * build's migrations (an edited migration, a newer schema), does not: those fail at once.
     */
    static boolean worthRetrying(Throwable e) {
        return !(e instanceof IllegalArgumentException
                || e instanceof org.flywaydb.core.api.exception.FlywayValidateException);
    }

    @Override
    public void stop() {
        running = false;
        Disposable d = startup;
        if (d != null) {
            d.dispose();
        }
        ConnectionPool p = pool.getAndSet(null);
        if (p != null) {
            p.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
