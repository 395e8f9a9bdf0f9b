package org.wenshi.portal.trends;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, a field quoted when it holds a comma, a
 * quote or a line break, CRLF line ends, UTF-8 with a byte-order mark so that Excel shows Chinese.
 * A field that a spreadsheet would run as a formula (starting with {@code = + - @}) is prefixed
 * with an apostrophe, the usual guard against CSV injection; numbers are never affected.
 */
final class Csv {
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String BOM = "\uFEFF";

    private final StringBuilder out = new StringBuilder(BOM);

    Csv row(Object... fields) {
        return row(List.of(fields));
    }

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    ResponseEntity<String> response(String filename) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
