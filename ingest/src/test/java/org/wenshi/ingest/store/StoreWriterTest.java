package org.wenshi.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenshi.schema.DocumentStore;

class StoreWriterTest {
    private static final String ID = "0123456789abcdef0123";

    @TempDir
    Path root;

    @Test
    void writesAReadingImageAndAThumbnailScaledToTheirWidths() throws Exception {
        BufferedImage scan = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        var g = scan.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2480, 3508);
        g.dispose();
        StoreWriter writer = new StoreWriter(new DocumentStore(root));

        StoreWriter.PageFiles files = writer.writePage(ID, 3, scan);

        assertThat(files.image()).isEqualTo(DocumentStore.pageImagePath(ID, 3));
        assertThat(files.thumbnail()).isEqualTo(DocumentStore.thumbnailPath(ID, 3));
        assertThat(files.width()).isEqualTo(1200);
        assertThat(files.height()).isEqualTo(Math.round(3508 * 1200 / 2480.0));
        BufferedImage reading = ImageIO.read(root.resolve(files.image()).toFile());
        BufferedImage thumb = ImageIO.read(root.resolve(files.thumbnail()).toFile());
        assertThat(reading.getWidth()).isEqualTo(1200);
        assertThat(thumb.getWidth()).isEqualTo(200);
        assertThat(StoreWriter.readingScale(2480)).isEqualTo(1200 / 2480.0);
        assertThat(StoreWriter.readingScale(800)).isEqualTo(1.0);
    }

    @Test
    void keepsTheOriginalAndLeavesNoTemporaryFiles() throws Exception {
        StoreWriter writer = new StoreWriter(new DocumentStore(root));
        String path = writer.keepOriginal(ID, "pdf", new byte[] {1, 2, 3});
        writer.keepOriginal(ID, "pdf", new byte[] {4, 5});

        assertThat(Files.readAllBytes(root.resolve(path))).containsExactly(4, 5);
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("original.pdf");
        }
    }
}
