package org.wenshi.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wenshi.ingest.sample.scan.ScanRenderer;
import org.wenshi.ingest.sample.scan.ScanStyle;

class PageLayoutTest {

    private static BufferedImage page(KnownText text, ScanStyle style) {
        return new ScanRenderer(style)
                .render(text.title(), text.paragraphs())
                .get(0)
                .image();
    }

    @Test
    void horizontalPagesInEitherScriptAreNotVertical() {
        assertThat(PageLayout.vertical(page(KnownText.simplified(), ScanStyle.cleanSimplified())
                        .getRaster()))
                .isFalse();
        assertThat(PageLayout.vertical(page(KnownText.traditional(), ScanStyle.cleanTraditional())
                        .getRaster()))
                .isFalse();
    }

    @Test
    void columnsReadRightToLeftAreVertical() {
        PageLayout.Gaps gaps = PageLayout.gaps(
                page(KnownText.traditional(), ScanStyle.verticalTraditional()).getRaster());

        assertThat(gaps.vertical()).as("%s", gaps).isTrue();
    }

    @Test
    void noiseAndSkewDoNotHideTheDirection() {
        assertThat(PageLayout.vertical(
                        page(KnownText.simplified(), ScanStyle.cleanSimplified().scanned(0.02, 1.5, 3))
                                .getRaster()))
                .isFalse();
        assertThat(PageLayout.vertical(page(
                                KnownText.traditional(),
                                ScanStyle.verticalTraditional().scanned(0.02, -1.5, 4))
                        .getRaster()))
                .isTrue();
    }

    @Test
    void aFewShortLinesOrColumnsInACornerOfThePageAreMeasuredWhereTheyAre() {
        KnownText shortText = KnownText.traditional().first(1);

        assertThat(PageLayout.vertical(
                        page(shortText, ScanStyle.cleanTraditional()).getRaster()))
                .isFalse();
        assertThat(PageLayout.vertical(
                        page(shortText, ScanStyle.verticalTraditional()).getRaster()))
                .isTrue();
    }

    @Test
    void aSingleLineIsTakenAsHorizontal() {
        assertThat(PageLayout.vertical(page(KnownText.traditional().first(0), ScanStyle.cleanTraditional())
                        .getRaster()))
                .isFalse();
    }

    @Test
    void aBlankPageIsNotVertical() {
        BufferedImage blank = new BufferedImage(400, 600, BufferedImage.TYPE_BYTE_GRAY);
        int[] white = new int[400 * 600];
        Arrays.fill(white, 255);
        blank.getRaster().setSamples(0, 0, 400, 600, 0, white);

        assertThat(PageLayout.vertical(blank.getRaster())).isFalse();
    }
}
