package org.wenshi.ingest.extract;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * Plain text files (.txt, .text) in UTF-8, UTF-16 with a byte-order mark, GBK/GB18030 or Big5. The
 * title is the first non-empty line. It exists to refuse what is not text (an empty file, a binary
 * file with a .txt name) with a clear reason instead of indexing garbage; it never strips lines
 * from the text, since plain text has no markup that says what is boilerplate, except promotional
 * text a reposting site injected ({@link InjectedText}).
 */
public final class PlainTextExtractor implements Extractor {
    private static final int TITLE_MAX = 200;
    private static final int SNIFF = 8192;
    private static final int HEAD_LINES = 15;
    private static final int TAIL_LINES = 10;

    @Override
    public Extraction extract(ExtractInput input) throws ExtractionException {
        byte[] bytes = input.bytes();
        if (bytes.length == 0) {
            throw new ExtractionException("empty file (0 bytes)");
        }
        if (looksBinary(bytes)) {
            throw new ExtractionException("not a text file: binary content");
        }
        Charset charset = CharsetGuesser.guess(bytes, null);
        String raw = CharsetGuesser.decode(bytes, charset);
        if (tooManyReplacements(raw)) {
            throw new ExtractionException("not a text file: cannot be decoded as " + charset.name());
        }
        List<String> lines = TextLines.clean(raw);
        if (lines.isEmpty()) {
            throw new ExtractionException("empty: no text in the file");
        }
        String title = lines.get(0);
        if (title.length() > TITLE_MAX) {
            title = title.substring(0, TITLE_MAX);
        }
        Map<Metadata, String> metadata = LabelledLines.newMetadata();
        LabelledLines.read(lines.subList(0, Math.min(lines.size(), HEAD_LINES)), metadata);
        LabelledLines.read(lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()), metadata);
        return InjectedText.apply(new Extraction(title, String.join("\n", lines), charset, metadata, List.of()));
    }

    static boolean looksBinary(byte[] bytes) {
        if (CharsetGuesser.hasUtf16Bom(bytes)) {
            return false;
        }
        int n = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > n / 100 + 1;
    }

    private static boolean tooManyReplacements(String s) {
        int bad = 0;
        int n = Math.min(s.length(), SNIFF);
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '\uFFFD') {
                bad++;
            }
        }
        return bad > n / 50 + 2;
    }
}
