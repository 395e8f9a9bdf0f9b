package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wenshi.localdb.DatabaseEndpoint;
import org.wenshi.localdb.testing.TestDatabase;
import org.wenshi.portal.PortalApplication;
import org.wenshi.portal.TestIndex;
import org.wenshi.portal.document.DocumentFixtures;

/**
 * A portal restart loses nothing: one portal writes a compilation, is shut down, and a new portal on
 * the same PostgreSQL and Elasticsearch serves it unchanged, with its history and accounts (and the
 * first admin is not made twice).
 */
class PortalRestartIT {
    static TestIndex index;
    static DatabaseEndpoint db;

    @BeforeAll
    static void setUp() throws Exception {
        index = TestIndex.create("it-restart");
        index.index(DocumentFixtures.documents(java.nio.file.Files.createTempDirectory("wenshi-restart-store-")));
        db = TestDatabase.create("it_restart");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (index != null) {
            index.close();
        }
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PortalApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "wenshi.es-url", TestIndex.url(),
                        "wenshi.index", index.alias(),
                        "wenshi.db.url", db.jdbcUrl(),
                        "wenshi.db.user", db.user(),
                        "wenshi.db.password", db.password(),
                        "WENSHI_ADMIN_PASSWORD", "restart-admin-1"))
                .run();
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static EditorHttp awaitAdmin(int port) throws InterruptedException {
        EditorHttp admin = EditorHttp.basic(port, "admin", "restart-admin-1");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (admin.get("/api/compilations").status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return admin;
    }

    @Test
    void aRestartedPortalServesEverythingThatWasSaved() throws Exception {
        JsonNode before;
        long id;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            EditorHttp admin = awaitAdmin(port);
            assertThat(admin.post(
                                    "/api/admin/users",
                                    Map.of("username", "keeper", "role", "editor", "password", "keeper-password"))
                            .status())
                    .isEqualTo(201);
            EditorHttp editor = EditorHttp.basic(port, "keeper", "keeper-password");
            id = editor.post("/api/compilations", Map.of("title", "重启之前", "preface", "序"))
                    .json()
                    .path("id")
                    .asLong();
            long ch = editor.newChapter(id, "一");
            String passage = "委员们白天下乡走访";
            int start = DocumentFixtures.SCAN_TEXT.indexOf(passage);
            assertThat(editor.post(
                                    "/api/compilations/" + id + "/items",
                                    Map.of(
                                            "chapter_id",
                                            ch,
                                            "doc_id",
                                            DocumentFixtures.SCAN,
                                            "start",
                                            start,
                                            "end",
                                            start + passage.length(),
                                            "note",
                                            "重启前的编者按"))
                            .status())
                    .isEqualTo(201);
            before = editor.get("/api/compilations/" + id).json();
        }
        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            awaitAdmin(port);
            EditorHttp editor = EditorHttp.basic(port, "keeper", "keeper-password");
            JsonNode after = editor.get("/api/compilations/" + id).json();
            assertThat(after).as("the compilation, byte for byte").isEqualTo(before);
            assertThat(editor.get("/api/compilations/" + id + "/history")
                            .json()
                            .path("events")
                            .findValuesAsText("action"))
                    .containsExactly("create", "add_chapter", "add_item");
            List<String> users = EditorHttp.basic(port, "admin", "restart-admin-1")
                    .get("/api/admin/users")
                    .json()
                    .path("users")
                    .findValuesAsText("username");
            assertThat(users).containsExactlyInAnyOrder("admin", "keeper");
        }
    }
}
