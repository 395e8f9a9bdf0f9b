package org.wenshi.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.wenshi.ingest.store.StoreWriter;
import org.wenshi.schema.DocumentStore;

/** The check the paged-format tests share: a text page's reading image and thumbnail are in the store. */
final class StoredPageImages {
    private StoredPageImages() {}

    /** Page {@code p} of document {@code id}, an A4 page with text, has its images in the store at their sizes. */
    static void assertA4TextPageStored(StoreWriter store, String id, Page p) throws IOException {
        assertThat(p.image()).isEqualTo(DocumentStore.pageImagePath(id, p.n()));
        assertThat(p.thumbnail()).isEqualTo(DocumentStore.thumbnailPath(id, p.n()));
        BufferedImage image =
                ImageIO.read(store.store().resolve(p.image()).orElseThrow().toFile());
        assertThat(image.getWidth()).isEqualTo(StoreWriter.READING_WIDTH);
        assertThat(image.getHeight()).as("A4").isBetween(1690, 1700);
        BufferedImage thumb =
                ImageIO.read(store.store().resolve(p.thumbnail()).orElseThrow().toFile());
        assertThat(thumb.getWidth()).isEqualTo(StoreWriter.THUMBNAIL_WIDTH);
        assertThat(p.words()).as("no word boxes on a page with text").isNull();
        assertThat(p.ocrConfidence()).isNull();
    }
}
