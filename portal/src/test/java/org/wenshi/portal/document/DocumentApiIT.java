package org.wenshi.portal.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.wenshi.portal.Fixtures;
import org.wenshi.portal.PortalTestClient;
import org.wenshi.schema.DocumentStore;

/**
 * {@code /api/documents/{id}} with page images, the files of a document from the store (content
 * types, caching, downloads) and the citation exports, against the real node and a real store.
 */
class DocumentApiIT extends PortalWithDocuments {

    private JsonNode json(String uri, int status) {
        return PortalTestClient.json(http.get(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    /** The {@code error.code} of a JSON error answered with {@code status}. */
    private String errorCode(String uri, int status) {
        return json(uri, status).path("error").path("code").asText();
    }

    private EntityExchangeResult<byte[]> get(String uri, int status) {
        return http.get(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult();
    }

    @Test
    void documentListsItsPagesWithImageUrlsAndTheOriginal() {
        JsonNode doc = json("/api/documents/" + DocumentFixtures.SCAN, 200);
        JsonNode pages = doc.path("pages");
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).path("n").asInt()).isEqualTo(1);
        assertThat(pages.get(0).path("label").asText()).isEqualTo("15");
        assertThat(pages.get(0).path("text").asText()).isEqualTo(DocumentFixtures.PAGE_1);
        assertThat(pages.get(0).path("image_url").asText())
                .matches("/doc/" + DocumentFixtures.SCAN + "/pages/1/image\\?v=[0-9a-f]{12}");
        assertThat(pages.get(1).path("thumbnail_url").asText())
                .matches("/doc/" + DocumentFixtures.SCAN + "/pages/2/thumb\\?v=[0-9a-f]{12}");
        assertThat(doc.path("original_url").asText())
                .matches("/doc/" + DocumentFixtures.SCAN + "/original\\?v=[0-9a-f]{12}");
        assertThat(doc.path("citation").path("gbt7714").asText())
                .contains("[M]//")
                .contains(": 15-16.");
        assertThat(doc.path("similar").isArray()).isTrue();
    }

    @Test
    void aDocumentWithoutPageImagesHasNullImageUrls() {
        JsonNode doc = json("/api/documents/" + DocumentFixtures.MAIN_VERSION, 200);
        assertThat(doc.has("original_url")).isFalse();
        assertThat(doc.path("duplicates")).extracting(JsonNode::asText).containsExactly(DocumentFixtures.REPRINT);
        assertThat(doc.path("similar").toString()).doesNotContain(DocumentFixtures.REPRINT);
    }

    @Test
    void similarDocumentsShareWordsAcrossScripts() {
        JsonNode similar =
                json("/api/documents/" + Fixtures.ZHENGZHOU_SIMPLIFIED, 200).path("similar");
        assertThat(similar).extracting(s -> s.path("id").asText()).contains(Fixtures.ZHENGZHOU_TRADITIONAL);
        assertThat(similar).allSatisfy(s -> assertThat(s.path("title").asText()).isNotBlank());
    }

    @Test
    void malformedIdIs400AndUnknownIdIs404() {
        assertThat(errorCode("/api/documents/bad%20id", 400)).isEqualTo("invalid_id");
        assertThat(errorCode("/api/documents/" + "x".repeat(201), 400)).isEqualTo("invalid_id");
        assertThat(json("/api/documents/%3Cscript%3E", 400).toString()).doesNotContain("<script>");
        assertThat(errorCode("/api/documents/deadbeef00", 404)).isEqualTo("document_not_found");
    }

    @Test
    void pageImageIsTheStoredJpegCachedAsImmutableUnderItsVersion() throws Exception {
        String url = json("/api/documents/" + DocumentFixtures.SCAN, 200)
                .path("pages")
                .get(0)
                .path("image_url")
                .asText();
        EntityExchangeResult<byte[]> image = get(url, 200);
        HttpHeaders headers = image.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(image.getResponseBody())
                .isEqualTo(Files.readAllBytes(store.resolve(DocumentStore.pageImagePath(DocumentFixtures.SCAN, 1))));
        assertThat(headers.getCacheControl()).contains("immutable").contains("max-age=31536000");
        assertThat(headers.getETag()).isNotBlank();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        // without the version: revalidated by ETag, and an unchanged file is 304 without a body
        EntityExchangeResult<byte[]> unversioned = get("/doc/" + DocumentFixtures.SCAN + "/pages/1/image", 200);
        assertThat(unversioned.getResponseHeaders().getCacheControl())
                .doesNotContain("immutable")
                .contains("max-age=300");
        EntityExchangeResult<byte[]> notModified = http.get("/doc/" + DocumentFixtures.SCAN + "/pages/1/image")
                .header(HttpHeaders.IF_NONE_MATCH, headers.getETag())
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectBody()
                .returnResult();
        assertThat(notModified.getResponseBody()).isNullOrEmpty();
    }

    @Test
    void thumbnailIsServedToo() throws Exception {
        EntityExchangeResult<byte[]> thumb = get("/doc/" + DocumentFixtures.SCAN + "/pages/2/thumb", 200);
        assertThat(thumb.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(thumb.getResponseBody())
                .isEqualTo(Files.readAllBytes(store.resolve(DocumentStore.thumbnailPath(DocumentFixtures.SCAN, 2))));
    }

    @Test
    void originalIsADownloadNamedAfterTheTitle() throws Exception {
        EntityExchangeResult<byte[]> original = get("/doc/" + DocumentFixtures.SCAN + "/original", 200);
        HttpHeaders headers = original.getResponseHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(headers.getContentDisposition().isAttachment()).isTrue();
        assertThat(headers.getContentDisposition().getFilename()).isEqualTo("回忆县政协筹备时期的几件事.pdf");
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(original.getResponseBody())
                .isEqualTo(Files.readAllBytes(store.resolve(DocumentStore.originalPath(DocumentFixtures.SCAN, "pdf"))));
    }

    @Test
    void missingFilesAndBadPageNumbersAre4xx() {
        assertThat(errorCode("/doc/" + DocumentFixtures.SCAN + "/pages/3/image", 404))
                .isEqualTo("file_not_found");
        assertThat(errorCode("/doc/" + DocumentFixtures.SCAN + "/pages/abc/image", 400))
                .isEqualTo("invalid_page_number");
        assertThat(errorCode("/doc/" + DocumentFixtures.SCAN + "/pages/0/thumb", 400))
                .isEqualTo("invalid_page_number");
        assertThat(errorCode("/doc/" + DocumentFixtures.MAIN_VERSION + "/original", 404))
                .isEqualTo("file_not_found");
        assertThat(errorCode("/doc/deadbeef00/pages/1/image", 404)).isEqualTo("document_not_found");
        // a traversal in the URL never reaches a path: Spring Security's firewall refuses the encoded
        // slashes, in the API's error shape
        assertThat(errorCode("/doc/" + DocumentFixtures.SCAN + "/pages/..%2F..%2Fetc/image", 400))
                .isEqualTo("invalid_path");
        assertThat(errorCode("/doc/" + DocumentFixtures.SCAN + "/pages/..abc/image", 400))
                .isEqualTo("invalid_page_number");
    }

    @Test
    void citationExportsAsRisBibtexAndCslJson() {
        EntityExchangeResult<byte[]> ris = get("/doc/" + DocumentFixtures.SCAN + "/citation.ris", 200);
        assertThat(ris.getResponseHeaders().getContentType().toString())
                .startsWith("application/x-research-info-systems");
        assertThat(ris.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo(DocumentFixtures.SCAN + ".ris");
        assertThat(PortalTestClient.text(ris.getResponseBody()))
                .startsWith("TY  - CHAP\r\n")
                .contains(
                        "AU  - 林守仁\r\n", "TI  - 回忆县政协筹备时期的几件事\r\n", "T2  - 示例县文史资料\r\n", "SP  - 15\r\n", "EP  - 16\r\n")
                .endsWith("ER  - \r\n");

        String bib = PortalTestClient.text(
                get("/doc/" + DocumentFixtures.SCAN + "/citation.bib", 200).getResponseBody());
        assertThat(bib)
                .startsWith("@incollection{" + DocumentFixtures.SCAN + ",")
                .contains("author = {{林守仁}}", "booktitle = {示例县文史资料}", "pages = {15--16}", "year = {1986}");

        EntityExchangeResult<byte[]> csl = get("/doc/" + DocumentFixtures.MAIN_VERSION + "/citation.json", 200);
        assertThat(csl.getResponseHeaders().getContentType().toString())
                .startsWith("application/vnd.citationstyles.csl+json");
        JsonNode item = PortalTestClient.json(csl.getResponseBody()).get(0);
        assertThat(item.path("type").asText()).isEqualTo("webpage");
        assertThat(item.path("URL").asText()).isEqualTo("https://www.example.cn/sample/citang.html");
        assertThat(item.path("issued").path("date-parts").get(0))
                .extracting(JsonNode::asInt)
                .isEqualTo(List.of(2021, 4, 2));
        assertThat(item.path("accessed").path("date-parts").get(0)).hasSize(3);

        assertThat(errorCode("/doc/" + DocumentFixtures.SCAN + "/citation.docx", 400))
                .isEqualTo("unknown_format");
    }
}
