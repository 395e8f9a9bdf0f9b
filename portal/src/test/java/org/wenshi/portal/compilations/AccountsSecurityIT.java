package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and roles against the real portal and PostgreSQL: anonymous 401 (API) or a redirect to the
 * sign-in page, a reviewer's write 403, an editor kept out of account management, the session's CSRF
 * token required for a browser's writes, throttling after repeated failures, sign-out, and the admin's
 * account changes.
 */
class AccountsSecurityIT extends PortalWithEditors {

    @Test
    void anonymousCallersAreToldToSignIn() {
        EditorHttp anonymous = EditorHttp.anonymous(port);
        EditorHttp.Response api = anonymous.get("/api/compilations");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.code()).isEqualTo("unauthenticated");
        assertThat(anonymous.post("/api/compilations", Map.of("title", "x")).status())
                .isIn(401, 403);

        EditorHttp.Response page = anonymous.page("/compilations");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(anonymous.page("/admin/users").header("Location")).endsWith("/login");

        assertThat(anonymous.page("/").status()).as("readers need no account").isEqualTo(200);
        assertThat(anonymous.get("/api/search?q=%E6%94%BF%E5%8D%8F").status()).isEqualTo(200);
        assertThat(EditorHttp.basic(port, "admin", "wrong-password")
                        .get("/api/compilations")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void readersGetNoSessionAndAnEditorReturnsToThePageAskedFor() {
        // Readers' requests never open a session (no cookie, nothing kept on the server for them).
        EditorHttp anonymous = EditorHttp.anonymous(port);
        for (String path : new String[] {
            "/",
            "/search?q=%E6%94%BF%E5%8D%8F",
            "/api/search?q=%E6%94%BF%E5%8D%8F",
            "/api/trends?term=%E6%94%BF%E5%8D%8F"
        }) {
            EditorHttp.Response r = path.startsWith("/api/") ? anonymous.get(path) : anonymous.page(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.headers().getOrDefault("set-cookie", ""))
                    .as("no session for a reader on " + path)
                    .doesNotContain("SESSION");
        }

        // A page that needs sign-in remembers itself: after signing in, the editor is back on it.
        EditorHttp browser = EditorHttp.browser(port);
        EditorHttp.Response asked = browser.page("/admin/users");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).endsWith("/login");
        EditorHttp.Response signedIn = browser.signIn("admin", ADMIN_PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin/users");
        assertThat(browser.page("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void rolesDecideWhoWritesAndWhoManagesAccounts() {
        EditorHttp reviewer = account("reviewer1", "reader");
        EditorHttp editor = account("editor1", "editor");
        assertThat(reviewer.get("/api/compilations").status()).isEqualTo(200);
        EditorHttp.Response write = reviewer.post("/api/compilations", Map.of("title", "审读不能写"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("forbidden");
        assertThat(editor.post("/api/compilations", Map.of("title", "编辑可以写")).status())
                .isEqualTo(201);
        assertThat(editor.get("/api/admin/users").status()).isEqualTo(403);
        assertThat(editor.post("/api/admin/users", Map.of("username", "x1", "role", "admin", "password", "12345678"))
                        .status())
                .isEqualTo(403);

        // The admin disables the editor: no more access; enables again; changes the role; resets the password.
        assertThat(admin.put("/api/admin/users/editor1", Map.of("enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(editor.get("/api/compilations").status()).isEqualTo(401);
        assertThat(admin.put("/api/admin/users/editor1", Map.of("enabled", true, "role", "reader"))
                        .status())
                .isEqualTo(200);
        assertThat(editor.post("/api/compilations", Map.of("title", "降为审读")).status())
                .isEqualTo(403);
        assertThat(admin.put("/api/admin/users/editor1", Map.of("password", "a-new-password", "role", "editor"))
                        .status())
                .isEqualTo(200);
        assertThat(editor.get("/api/compilations").status())
                .as("the old password is gone")
                .isEqualTo(401);
        assertThat(EditorHttp.basic(port, "editor1", "a-new-password")
                        .post("/api/compilations", Map.of("title", "新密码"))
                        .status())
                .isEqualTo(201);

        JsonNode users = admin.get("/api/admin/users").json().path("users");
        assertThat(users.findValuesAsText("username")).contains("admin", "editor1", "reviewer1");
        assertThat(users.toString()).doesNotContain("password", "bcrypt");
        assertThat(admin.post("/api/admin/users", Map.of("username", "x", "role", "editor", "password", "12345678"))
                        .code())
                .isEqualTo("invalid_username");
        assertThat(admin.post("/api/admin/users", Map.of("username", "short-pw", "role", "editor", "password", "1234"))
                        .code())
                .isEqualTo("invalid_password");
        assertThat(admin.post("/api/admin/users", Map.of("username", "who", "role", "root", "password", "12345678"))
                        .code())
                .isEqualTo("invalid_role");
        assertThat(admin.post(
                                "/api/admin/users",
                                Map.of("username", "EDITOR1", "role", "editor", "password", "12345678"))
                        .status())
                .as("names are unique regardless of case")
                .isEqualTo(409);
        assertThat(admin.put("/api/admin/users/admin", Map.of("role", "editor")).code())
                .as("the last admin keeps the role")
                .isEqualTo("last_admin");
    }

    @Test
    void aSignedInBrowserNeedsTheSessionsCsrfTokenAndCanSignOut() {
        account("browser1", "editor");
        EditorHttp browser = EditorHttp.browser(port);
        EditorHttp.Response signedIn = browser.signIn("browser1", "browser1-password");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/compilations");
        EditorHttp.Response list = browser.page("/compilations");
        assertThat(list.status())
                .as("signed in: " + signedIn.headers() + " then " + list.headers())
                .isEqualTo(200);

        EditorHttp.Response first = browser.post("/api/compilations", Map.of("title", "先建"));
        assertThat(first.status()).as("with token: " + first.body()).isEqualTo(201);
        EditorHttp.Response forged = browser.postWithoutCsrf("/api/compilations", Map.of("title", "伪造"));
        assertThat(forged.status())
                .as("a write without the CSRF token: " + forged.body() + forged.headers())
                .isEqualTo(403);
        EditorHttp.Response real = browser.post("/api/compilations", Map.of("title", "会话中新建"));
        assertThat(real.status()).as(real.body()).isEqualTo(201);

        String page = browser.page("/compilations").body();
        assertThat(Jsoup.parse(page).select(".who").text()).isEqualTo("browser1");

        EditorHttp.Response out = browser.form("/logout", Map.of("_csrf", browser.csrf()));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).contains("/login?logout");
        assertThat(browser.page("/compilations").status()).as("signed out").isEqualTo(302);

        EditorHttp.Response wrong = EditorHttp.browser(port).signIn("browser1", "not-the-password");
        assertThat(wrong.header("Location")).endsWith("/login?error");
    }

    @Test
    void aRefusedWriteNeverStallsTheBrowsersNextRequest() {
        // A forged write then a valid one, over and over from one browser (one pool of keep-alive
        // connections): with the connection kept after the refusal, the valid write hung within a
        // few dozen rounds now and then (150 rounds caught it here; 30 did not).
        account("browser2", "editor");
        EditorHttp browser = EditorHttp.browser(port);
        assertThat(browser.signIn("browser2", "browser2-password").status()).isEqualTo(302);
        for (int i = 0; i < 150; i++) {
            assertThat(browser.postWithoutCsrf("/api/compilations", Map.of("title", "伪造" + i))
                            .status())
                    .isEqualTo(403);
            EditorHttp.Response valid = browser.post("/api/compilations", Map.of("title", "有效" + i));
            assertThat(valid.status()).as("round " + i + ": " + valid.body()).isEqualTo(201);
        }
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        account("guessme", "editor");
        for (int i = 0; i < 5; i++) {
            assertThat(EditorHttp.basic(port, "guessme", "guess-" + i)
                            .get("/api/compilations")
                            .status())
                    .isEqualTo(401);
        }
        EditorHttp.Response locked =
                EditorHttp.basic(port, "guessme", "guessme-password").get("/api/compilations");
        assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.code()).isEqualTo("too_many_sign_in_attempts");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 60);
        assertThat(EditorHttp.browser(port)
                        .signIn("guessme", "guessme-password")
                        .header("Location"))
                .endsWith("/login?locked");
        assertThat(EditorHttp.basic(port, "admin", ADMIN_PASSWORD)
                        .get("/api/compilations")
                        .status())
                .as("other accounts are not affected")
                .isEqualTo(200);
    }
}
