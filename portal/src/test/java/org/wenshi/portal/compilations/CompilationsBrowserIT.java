package org.wenshi.portal.compilations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wenshi.portal.browser.BrowserExtension;
import org.wenshi.portal.document.DocumentFixtures;

/**
 * An editor's session in headless Chromium against the real portal, PostgreSQL and Elasticsearch:
 * sign in, start a compilation and a chapter, gather a passage by selecting it on a document page,
 * reorder by keyboard, save, export, sign out; axe-core on every page on the way; screenshots kept.
 */
class CompilationsBrowserIT extends PortalWithEditors {

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    static final String PASSAGE = "委员们白天下乡走访";

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private void signIn(String user, String password) {
        browser.open("/login");
        browser.session().assertAccessible();
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find(".login-form button[type=submit]").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().endsWith("/compilations"));
    }

    @Test
    void anEditorGathersAPassageReordersByKeyboardExportsAndSignsOut() {
        EditorHttp api = account("browser-editor", "editor");
        signIn("browser-editor", "browser-editor-password");
        assertThat(find(".site-nav .who").getText()).isEqualTo("browser-editor");
        browser.session().assertAccessible();

        // Start a compilation and a chapter through the pages' own forms.
        find("#new-title").sendKeys("浏览器中的汇编");
        find(".new-compilation button[type=submit]").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().matches(".*/compilations/\\d+$"));
        long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/compilations/", ""));
        find("#new-chapter").sendKeys("筹备时期");
        find(".add-chapter button[type=submit]").click();
        browser.session()
                .waitUntil(d -> !d.findElements(By.cssSelector(".chapter")).isEmpty());

        // Select a passage of the scanned article's text and add it.
        browser.open("/doc/" + DocumentFixtures.SCAN);
        browser.session()
                .script(
                        "var text = document.getElementById('fulltext');"
                                + "var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);"
                                + "while (walker.nextNode()) { var n = walker.currentNode; var at = n.data.indexOf(arguments[0]);"
                                + "  if (at >= 0) { var r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + arguments[0].length);"
                                + "    var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
                                + "    text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true})); break; } }",
                        PASSAGE);
        browser.session().waitUntil(d -> !find("#gather-selection").getText().isEmpty());
        assertThat(find("#gather-selection").getText()).isEqualTo(PASSAGE);
        find("#gather-button").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/compilations/gather"));
        browser.session().assertAccessible();
        assertThat(find("blockquote.quote").getText()).isEqualTo(PASSAGE);
        new Select(find("#target")).selectByIndex(0);
        find("#note").sendKeys("原书第15页");
        find(".gather-form button[type=submit]").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/compilations/" + id));

        JsonNode item = api.get("/api/compilations/" + id)
                .json()
                .path("chapters")
                .get(0)
                .path("items")
                .get(0);
        int start = DocumentFixtures.SCAN_TEXT.indexOf(PASSAGE);
        assertThat(item.path("text").asText()).isEqualTo(PASSAGE);
        assertThat(item.path("start").asInt())
                .as("offsets of the selection in the stored text")
                .isEqualTo(start);
        assertThat(item.path("end").asInt()).isEqualTo(start + PASSAGE.length());
        assertThat(item.path("page_label").asText()).isEqualTo("15");
        assertThat(item.path("note").asText()).isEqualTo("原书第15页");

        // A second item (whole document) through the API, then move it up with the keyboard alone.
        long chapter = api.get("/api/compilations/" + id)
                .json()
                .path("chapters")
                .get(0)
                .path("id")
                .asLong();
        long second = api.post(
                        "/api/compilations/" + id + "/items",
                        Map.of("chapter_id", chapter, "doc_id", DocumentFixtures.MAIN_VERSION))
                .json()
                .path("id")
                .asLong();
        browser.open("/compilations/" + id);
        browser.session().assertAccessible();
        WebElement up = find("#item-" + second + " button[data-move=up]");
        browser.session().script("arguments[0].focus()", up);
        browser.session().focused().sendKeys(Keys.ENTER);
        assertThat(browser.session().focused().getAttribute("data-move"))
                .as("focus stays on the moved item's button")
                .isEqualTo("up");
        List<WebElement> order = browser.driver().findElements(By.cssSelector(".item"));
        assertThat(order.get(0).getAttribute("data-item")).isEqualTo(String.valueOf(second));
        browser.session().script("arguments[0].focus()", find("#save"));
        browser.session().focused().sendKeys(Keys.ENTER);
        browser.session()
                .waitUntil(d -> !find("#save-status").getText().isEmpty()
                        && find("#save-status").getText().contains("v"));
        JsonNode saved = api.get("/api/compilations/" + id)
                .json()
                .path("chapters")
                .get(0)
                .path("items");
        assertThat(saved.get(0).path("id").asLong())
                .as("the keyboard's order is saved")
                .isEqualTo(second);
        assertThat(saved.get(1).path("text").asText()).isEqualTo(PASSAGE);

        // Export: the link answers a DOCX to the signed-in browser.
        Object export = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export-docx').href, {credentials: 'same-origin'})"
                        + ".then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength)))"
                        + ".catch(e => done('failed ' + e));");
        String[] parts = String.valueOf(export).split(" ");
        assertThat(parts[0]).isEqualTo("200");
        assertThat(parts[1]).isEqualTo(Manuscript.DOCX);
        assertThat(Integer.parseInt(parts[2])).isGreaterThan(2000);

        browser.open("/compilations/" + id + "/preview");
        browser.session().assertAccessible();
        assertThat(find(".manuscript").getText()).contains(PASSAGE, "参考文献", "示例县文史资料");

        // Sign out.
        find(".logout-form button").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("/login?logout"));
        assertThat(find("#login-outcome").getText()).isNotEmpty();
        browser.open("/compilations");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void theAdminsAccountsPageAddsAnEditorAndIsAccessible() {
        signIn("admin", ADMIN_PASSWORD);
        browser.open("/admin/users");
        browser.session().assertAccessible();
        find("#new-username").sendKeys("added-in-browser");
        find("#new-password").sendKeys("a-long-password");
        find(".add-user button[type=submit]").click();
        browser.session().waitUntil(d -> d.getCurrentUrl().contains("done=add"));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-user=added-in-browser]")))
                .hasSize(1);
        assertThat(EditorHttp.basic(port, "added-in-browser", "a-long-password")
                        .get("/api/compilations")
                        .status())
                .isEqualTo(200);
        browser.open("/admin/users?lang=en");
        assertThat(find("h1").getText()).isEqualTo("Accounts");
    }
}
