package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wenshi.localdb.DatabaseEndpoint;
import org.wenshi.localdb.testing.TestDatabase;
import org.wenshi.portal.document.PortalWithDocuments;

/**
 * The whole portal over the document fixtures (a scanned article with pages, a text and its reprint)
 * with a database of its own on the build's real PostgreSQL, the first admin made from {@code
 * WENSHI_ADMIN_PASSWORD}. Tests wait until the admin can sign in (the database comes up in the
 * background) and make the accounts they need through the admin API.
 */
abstract class PortalWithEditors extends PortalWithDocuments {
    static final String ADMIN_PASSWORD = "admin-secret-1";
    static DatabaseEndpoint database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("wenshi.db.url", () -> db().jdbcUrl());
        registry.add("wenshi.db.user", () -> db().user());
        registry.add("wenshi.db.password", () -> db().password());
        registry.add("WENSHI_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    }

    private static synchronized DatabaseEndpoint db() {
        if (database == null) {
            database = TestDatabase.create("it_editors");
        }
        return database;
    }

    @org.junit.jupiter.api.AfterAll
    static void forgetDatabase() {
        database = null; // the next class gets a database of its own
    }

    EditorHttp admin;

    @BeforeEach
    void awaitAdmin() throws InterruptedException {
        admin = EditorHttp.basic(port, "admin", ADMIN_PASSWORD);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int status;
        do {
            status = admin.get("/api/compilations").status();
            if (status == 200) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(status)
                .as("the first admin can use the API once the database is up")
                .isEqualTo(200);
    }

    /** An account made through the admin API (or already there); its client with HTTP Basic. */
    EditorHttp account(String name, String role) {
        String password = name + "-password";
        EditorHttp.Response r =
                admin.post("/api/admin/users", Map.of("username", name, "role", role, "password", password));
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        return EditorHttp.basic(port, name, password);
    }
}
