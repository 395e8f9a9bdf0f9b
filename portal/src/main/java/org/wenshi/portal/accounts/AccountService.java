package org.wenshi.portal.accounts;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wenshi.portal.system.ApiException;
import org.wenshi.portal.system.DatabaseAccess.DatabaseReady;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Adding, disabling, resetting and re-rolling accounts, each change recorded in {@code account_event};
 * and, once the database is ready, the first admin from {@code WENSHI_ADMIN_PASSWORD} when there is no
 * account at all. Passwords are hashed with Spring Security's delegating encoder (bcrypt, {@code
 * {bcrypt}…}), off the event loops.
 */
@Service
public class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,64}");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    public static final String BOOTSTRAP_ADMIN = "admin";

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionalOperator tx;
    private final String adminPassword;

    public AccountService(
            AccountRepository accounts,
            PasswordEncoder encoder,
            TransactionalOperator tx,
            @Value("${WENSHI_ADMIN_PASSWORD:}") String adminPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.tx = tx;
        this.adminPassword = adminPassword;
    }

    public Flux<Account> all() {
        return accounts.all();
    }

    /** Adds an account; 400 for a bad name, role or password, 409 when the name is taken. */
    public Mono<Account> add(String actor, String username, String role, String password) {
        String name = checkUsername(username);
        Role r = checkRole(role);
        return hash(checkPassword(password))
                .flatMap(h -> accounts.insert(name, h, r))
                .flatMap(added -> added
                        ? accounts.record(actor, "add", name, r.id()).then(accounts.byUsername(name))
                        : Mono.error(new ApiException(
                                HttpStatus.CONFLICT,
                                "username_taken",
                                "An account named " + name + " exists / 用户名已存在")))
                .as(tx::transactional);
    }

    public Mono<Void> resetPassword(String actor, String username, String password) {
        String name = checkUsername(username);
        return hash(checkPassword(password))
                .flatMap(h -> accounts.setPassword(name, h))
                .flatMap(found -> found ? accounts.record(actor, "reset_password", name, "") : Mono.error(noSuch(name)))
                .as(tx::transactional);
    }

    public Mono<Void> setRole(String actor, String username, String role) {
        String name = checkUsername(username);
        Role r = checkRole(role);
        Mono<Void> change = accounts.setRole(name, r)
                .flatMap(found -> found ? accounts.record(actor, "role", name, r.id()) : Mono.error(noSuch(name)));
        return (r == Role.ADMIN ? change : keepAnAdmin(name).then(change)).as(tx::transactional);
    }

    public Mono<Void> setEnabled(String actor, String username, boolean enabled) {
        String name = checkUsername(username);
        Mono<Void> change = accounts.setEnabled(name, enabled)
                .flatMap(found -> found
                        ? accounts.record(actor, enabled ? "enable" : "disable", name, "")
                        : Mono.error(noSuch(name)));
        return (enabled ? change : keepAnAdmin(name).then(change)).as(tx::transactional);
    }

    /** 409 when taking {@code username}'s admin rights would leave no enabled admin. */
    private Mono<Void> keepAnAdmin(String username) {
        return accounts.byUsername(username)
                .filter(a -> a.roleValue() == Role.ADMIN && a.enabled())
                .flatMap(a -> accounts.otherEnabledAdmins(username))
                .flatMap(n -> n == 0
                        ? Mono.error(new ApiException(
                                HttpStatus.CONFLICT,
                                "last_admin",
                                "This is the last enabled admin; make another admin first / 这是最后一个管理员"))
                        : Mono.empty())
                .then();
    }

    /** The first admin: with no account at all, {@code admin} with {@code WENSHI_ADMIN_PASSWORD}. */
    @EventListener
    public void onDatabaseReady(DatabaseReady ready) {
        accounts.count()
                .flatMap(n -> {
                    if (n > 0) {
                        return Mono.empty();
                    }
                    if (adminPassword == null || adminPassword.isEmpty()) {
                        log.warn(
                                "No editor accounts yet and WENSHI_ADMIN_PASSWORD is not set: no admin was created."
                                        + " Set WENSHI_ADMIN_PASSWORD (at least {} characters) and restart the portal to create"
                                        + " 'admin', who can then add editors at /admin/users.",
                                MIN_PASSWORD);
                        return Mono.empty();
                    }
                    if (adminPassword.length() < MIN_PASSWORD) {
                        log.error(
                                "WENSHI_ADMIN_PASSWORD is shorter than {} characters: no admin was created",
                                MIN_PASSWORD);
                        return Mono.empty();
                    }
                    return hash(adminPassword)
                            .flatMap(h -> accounts.insert(BOOTSTRAP_ADMIN, h, Role.ADMIN))
                            .flatMap(
                                    added -> accounts.record("system", "add", BOOTSTRAP_ADMIN, "WENSHI_ADMIN_PASSWORD"))
                            .doOnSuccess(v -> log.info(
                                    "Created the first account, '{}' (admin), from" + " WENSHI_ADMIN_PASSWORD",
                                    BOOTSTRAP_ADMIN));
                })
                .subscribe(v -> {}, e -> log.error("Creating the first admin failed", e));
    }

    private Mono<String> hash(String password) {
        // bcrypt costs tens of milliseconds of CPU: never on an event loop.
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    static String checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            throw ApiException.badRequest(
                    "invalid_username",
                    "A user name is 2 to 64 letters, digits, '.', '_' or '-' / 用户名为 2 至 64 个字母、数字或 . _ -");
        }
        return username.strip();
    }

    static Role checkRole(String role) {
        Role r = Role.of(role);
        if (r == null) {
            throw ApiException.badRequest(
                    "invalid_role", "role is reader, editor or admin / 角色只能是 reader、editor 或 admin");
        }
        return r;
    }

    static String checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest(
                    "invalid_password",
                    "A password is " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters / 密码长度为 " + MIN_PASSWORD
                            + " 至 " + MAX_PASSWORD + " 个字符");
        }
        return password;
    }

    private static ApiException noSuch(String name) {
        return ApiException.notFound("no_such_account", "There is no account named " + name + " / 没有这个用户");
    }
}
