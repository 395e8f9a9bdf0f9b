package org.wenshi.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DocumentStoreTest {

    private final DocumentStore store = new DocumentStore(Path.of("/data/store"));

    @Test
    void laysOutOneFolderPerDocumentUnderTwoCharacterPrefix() {
        String id = "abcdef0123456789abcd";
        assertThat(DocumentStore.originalPath(id, "pdf")).isEqualTo("ab/abcdef0123456789abcd/original.pdf");
        assertThat(DocumentStore.originalPath(id, "")).isEqualTo("ab/abcdef0123456789abcd/original");
        assertThat(DocumentStore.pageImagePath(id, 7)).isEqualTo("ab/abcdef0123456789abcd/pages/0007.jpg");
        assertThat(DocumentStore.thumbnailPath(id, 12)).isEqualTo("ab/abcdef0123456789abcd/pages/0012.thumb.jpg");
        assertThat(DocumentStore.wordsPath(id, 1)).isEqualTo("ab/abcdef0123456789abcd/pages/0001.words.json");
    }

    @Test
    void rejectsIdsThatAreNotHexAndPagesBelowOne() {
        assertThatThrownBy(() -> DocumentStore.documentFolder("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentStore.pageImagePath("abcdef0123456789abcd", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesStoredPathsOnlyInsideTheRoot() {
        assertThat(store.resolve("ab/abcdef0123456789abcd/pages/0001.jpg"))
                .contains(Path.of("/data/store/ab/abcdef0123456789abcd/pages/0001.jpg"));
        assertThat(store.resolve("../secret")).isEmpty();
        assertThat(store.resolve("ab/../../secret")).isEmpty();
        assertThat(store.resolve("/etc/passwd")).isEmpty();
        assertThat(store.resolve("")).isEmpty();
        assertThat(store.resolve(null)).isEmpty();
    }
}
