package org.wenshi.ingest.extract;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the charset of Chinese text from its bytes: a byte-order mark, then valid UTF-8, then the
 * better of GB18030 (a superset of GB2312 and GBK) and Big5 by ICU's character statistics. A charset
 * the document declares is a hint, trusted only when the bytes agree with it: old sites declare
 * GB2312 for GBK text, ISO-8859-1 for anything, or nothing at all.
 *
 * <p>It exists because Java's decoders accept almost any byte sequence as GBK or Big5 without
 * complaint, so decoding with the wrong one silently produces mojibake. It never decodes leniently
 * without having chosen a charset first.
 */
public final class CharsetGuesser {

    /** GB2312 and GBK text decoded as the superset, so that GBK-only characters survive. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    /** Big5 with the Hong Kong extensions, a superset of plain Big5. */
    public static final Charset BIG5 =
            Charset.isSupported("Big5-HKSCS") ? Charset.forName("Big5-HKSCS") : Charset.forName("Big5");

    /** A declared charset loses when the statistics favour the other Chinese charset by this much. */
    private static final int DECLARED_MARGIN = 25;

    /** Bytes of a document the character statistics look at. */
    private static final int SAMPLE = 16 * 1024;

    private CharsetGuesser() {}

    /** The charset of {@code bytes}; {@code declared} (may be null) is the document's own claim. */
    public static Charset guess(byte[] bytes, Charset declared) {
        Optional<Charset> bom = bom(bytes);
        if (bom.isPresent()) {
            return bom.get();
        }
        if (isAscii(bytes)) {
            return declared != null && isAsciiCompatible(declared) ? declared : StandardCharsets.UTF_8;
        }
        if (decodesStrictly(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        Charset declaredFamily = family(declared);
        int gb = 0;
        int big5 = 0;
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample(bytes));
        for (CharsetMatch m : detector.detectAll()) {
            String name = m.getName().toUpperCase(Locale.ROOT);
            if (name.equals("GB18030")) {
                gb = Math.max(gb, m.getConfidence());
            } else if (name.startsWith("BIG5")) {
                big5 = Math.max(big5, m.getConfidence());
            }
        }
        boolean gbDecodes = decodesStrictly(bytes, GB18030);
        boolean big5Decodes = decodesStrictly(bytes, BIG5);
        if (!gbDecodes) {
            gb = -1;
        }
        if (!big5Decodes) {
            big5 = -1;
        }
        if (declaredFamily == GB18030 && gb >= 0 && gb + DECLARED_MARGIN >= big5) {
            return GB18030;
        }
        if (declaredFamily == BIG5 && big5 >= 0 && big5 + DECLARED_MARGIN >= gb) {
            return BIG5;
        }
        if (declared != null
                && declaredFamily == null
                && !isSingleByteLatin(declared)
                && decodesStrictly(bytes, declared)) {
            return declared;
        }
        if (gb < 0 && big5 < 0) {
            return GB18030;
        }
        return big5 > gb ? BIG5 : GB18030;
    }

    /**
     * The part of {@code bytes} the statistics look at: up to {@value #SAMPLE} bytes from the first
     * non-ASCII byte (markup before it says nothing about the charset, and statistics over a whole
     * long page cost more than they add).
     */
    private static byte[] sample(byte[] bytes) {
        int first = 0;
        while (first < bytes.length && bytes[first] >= 0) {
            first++;
        }
        int start = Math.max(0, first - 16);
        int end = Math.min(bytes.length, start + SAMPLE);
        return start == 0 && end == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, start, end);
    }

    /** Decodes {@code bytes} with {@code charset}, dropping a byte-order mark; malformed input becomes U+FFFD. */
    public static String decode(byte[] bytes, Charset charset) {
        int skip = 0;
        if (charset.equals(StandardCharsets.UTF_8)
                && bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        String s = new String(bytes, skip, bytes.length - skip, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** The charset for a declared name, or null when the name is unknown to this JVM. */
    public static Charset forName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Charset family(Charset declared) {
        if (declared == null) {
            return null;
        }
        String n = declared.name().toUpperCase(Locale.ROOT);
        if (n.startsWith("GB") || n.equals("X-EUC-CN") || n.equals("EUC-CN")) {
            return GB18030;
        }
        if (n.startsWith("BIG5") || n.contains("BIG5")) {
            return BIG5;
        }
        return null;
    }

    private static Optional<Charset> bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    /** True when {@code b} starts with a UTF-16 byte-order mark. */
    public static boolean hasUtf16Bom(byte[] b) {
        return bom(b).filter(c -> c != StandardCharsets.UTF_8).isPresent();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiCompatible(Charset c) {
        return c.newEncoder().canEncode("abc<>=\"")
                && !c.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                && !c.name().toUpperCase(Locale.ROOT).startsWith("UTF-32");
    }

    private static boolean isSingleByteLatin(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.startsWith("ISO-8859") || n.startsWith("WINDOWS-125") || n.equals("US-ASCII");
    }

    static boolean decodesStrictly(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
