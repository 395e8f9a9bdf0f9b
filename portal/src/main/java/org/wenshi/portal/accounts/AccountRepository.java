package org.wenshi.portal.accounts;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code account} and {@code account_event} tables, through Spring's reactive {@link DatabaseClient}. */
@Repository
public class AccountRepository {

    /** A stored account with its password hash, for sign-in only. */
    public record Credentials(String username, String passwordHash, Role role, boolean enabled) {}

    private final DatabaseClient db;

    public AccountRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Credentials> credentials(String username) {
        return db.sql("SELECT username, password_hash, role, enabled FROM account WHERE lower(username) = lower(:u)")
                .bind("u", username)
                .map(r -> new Credentials(
                        r.get("username", String.class),
                        r.get("password_hash", String.class),
                        Role.of(r.get("role", String.class)),
                        Boolean.TRUE.equals(r.get("enabled", Boolean.class))))
                .one();
    }

    public Flux<Account> all() {
        return db.sql("SELECT id, username, role, enabled, created_at FROM account ORDER BY lower(username)")
                .map(AccountRepository::account)
                .all();
    }

    public Mono<Account> byUsername(String username) {
        return db.sql("SELECT id, username, role, enabled, created_at FROM account WHERE lower(username) = lower(:u)")
                .bind("u", username)
                .map(AccountRepository::account)
                .one();
    }

    public Mono<Long> count() {
        return db.sql("SELECT count(*) AS n FROM account")
                .map(r -> r.get("n", Long.class))
                .one();
    }

    /** Adds an account; {@code false} when the name is taken (case-insensitively). */
    public Mono<Boolean> insert(String username, String passwordHash, Role role) {
        return db.sql("INSERT INTO account (username, password_hash, role) VALUES (:u, :h, :r)"
                        + " ON CONFLICT DO NOTHING")
                .bind("u", username)
                .bind("h", passwordHash)
                .bind("r", role.id())
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    public Mono<Boolean> setPassword(String username, String passwordHash) {
        return update("password_hash = :v", username, passwordHash);
    }

    public Mono<Boolean> setRole(String username, Role role) {
        return update("role = :v", username, role.id());
    }

    public Mono<Boolean> setEnabled(String username, boolean enabled) {
        return update("enabled = :v", username, enabled);
    }

    /** How many enabled admins there are besides {@code username}. */
    public Mono<Long> otherEnabledAdmins(String username) {
        return db.sql("SELECT count(*) AS n FROM account WHERE role = 'admin' AND enabled"
                        + " AND lower(username) <> lower(:u)")
                .bind("u", username)
                .map(r -> r.get("n", Long.class))
                .one();
    }

    public Mono<Void> record(String actor, String action, String target, String detail) {
        return db.sql("INSERT INTO account_event (username, action, target, detail) VALUES (:u, :a, :t, :d)")
                .bind("u", actor)
                .bind("a", action)
                .bind("t", target)
                .bind("d", detail)
                .then();
    }

    private Mono<Boolean> update(String assignment, String username, Object value) {
        return db.sql("UPDATE account SET " + assignment + ", updated_at = now() WHERE lower(username) = lower(:u)")
                .bind("v", value)
                .bind("u", username)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    private static Account account(Readable r) {
        return new Account(
                r.get("id", Long.class),
                r.get("username", String.class),
                r.get("role", String.class),
                Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
                r.get("created_at", OffsetDateTime.class));
    }
}
