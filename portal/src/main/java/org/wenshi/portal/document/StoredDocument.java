package org.wenshi.portal.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _source} of an indexed document as the portal reads it, by the field names of
 * {@link org.wenshi.schema.Fields}. It exists because the index is filled by another program and
 * grows over time: every accessor tolerates a missing field, a {@code null}, or a single value
 * where a list is expected, so a document lacking the newest fields still renders.
 *
 * @param id     the document id ({@code id} field, else Elasticsearch's {@code _id})
 * @param source the stored JSON, never {@code null}
 */
public record StoredDocument(String id, JsonNode source) {

    public static StoredDocument of(String elasticsearchId, JsonNode source) {
        JsonNode s = source == null ? MissingNode.getInstance() : source;
        JsonNode id = s.path(org.wenshi.schema.Fields.ID);
        return new StoredDocument(id.isValueNode() && !id.asText().isEmpty() ? id.asText() : elasticsearchId, s);
    }

    /** A scalar field as text, or {@code null}; the first element of an array. */
    public String text(String field) {
        return text(node(field));
    }

    public Integer integer(String field) {
        return integer(node(field));
    }

    /**
     * A date field as the contract shows it: {@code 2024-05-14} (or {@code 2024-05}, {@code 2024} when
     * that is all that is known); a time of day, if stored, is left out.
     */
    public String date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        int t = value.indexOf('T');
        return t > 0 ? value.substring(0, t) : value;
    }

    public Double decimal(String field) {
        JsonNode n = first(node(field));
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            try {
                return Double.valueOf(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public List<String> texts(String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode n : elements(node(field))) {
            String t = text(n);
            if (t != null) {
                values.add(t);
            }
        }
        return List.copyOf(values);
    }

    public List<Integer> integers(String field) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode n : elements(node(field))) {
            Integer i = integer(n);
            if (i != null) {
                values.add(i);
            }
        }
        return List.copyOf(values);
    }

    /** Objects of an object or nested field ({@code pages}, {@code key_figures}, {@code people}). */
    public List<StoredDocument> objects(String field) {
        List<StoredDocument> values = new ArrayList<>();
        for (JsonNode n : elements(node(field))) {
            if (n.isObject()) {
                values.add(new StoredDocument(id, n));
            }
        }
        return List.copyOf(values);
    }

    /** A field, by its path relative to this object; a nested path's last segment is looked up here. */
    public JsonNode node(String field) {
        String name = field;
        int dot = name.lastIndexOf('.');
        if (!source.has(name) && dot > 0) {
            name = name.substring(dot + 1);
        }
        return source.path(name);
    }

    private static String text(JsonNode n) {
        JsonNode v = first(n);
        if (v.isValueNode() && !v.isNull()) {
            String t = v.asText();
            return t.isEmpty() ? null : t;
        }
        return null;
    }

    private static Integer integer(JsonNode n) {
        JsonNode v = first(n);
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.valueOf(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JsonNode first(JsonNode n) {
        return n.isArray() ? n.path(0) : n;
    }

    private static List<JsonNode> elements(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            return List.of(n);
        }
        List<JsonNode> all = new ArrayList<>();
        n.forEach(all::add);
        return all;
    }
}
