package org.wenshi.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The index settings and mapping, read from the one resource {@code org/wenshi/schema/index.json},
 * and their idempotent creation behind an alias. Whoever starts first (ingest, portal, a test)
 * creates the index; everybody else finds the alias and goes on. It never deletes or rewrites an
 * index that holds data: a mapping of another schema version is reported, not replaced.
 */
public final class IndexDefinition {
    /** Classpath location of the one index definition. */
    public static final String RESOURCE = "org/wenshi/schema/index.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile IndexDefinition loaded;

    private final String json;
    private final JsonNode tree;

    private IndexDefinition(String json) {
        this.json = json;
        try {
            this.tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("index.json is not valid JSON", e);
        }
    }

    /** The definition from the classpath; loaded once. */
    public static IndexDefinition load() {
        IndexDefinition d = loaded;
        if (d == null) {
            try (InputStream in = IndexDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + RESOURCE);
                }
                d = new IndexDefinition(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
            loaded = d;
        }
        return d;
    }

    /** The whole definition as JSON text ({@code settings} and {@code mappings}). */
    public String json() {
        return json;
    }

    /** The parsed definition; callers must not modify it. */
    public JsonNode tree() {
        return tree;
    }

    /** {@code mappings._meta.schema_version}: bumped for every change that is not purely additive. */
    public int schemaVersion() {
        return tree.path("mappings").path("_meta").path("schema_version").asInt(1);
    }

    /**
     * Creates the versioned index with its alias unless the alias exists already. For an existing
     * alias of the same schema version, new fields of the mapping are added (purely additive
     * changes need no new index); an alias of another version is an error naming both versions.
     *
     * @return {@code true} when this call created the index
     */
    public boolean ensureIndex(ElasticsearchClient client, IndexNames names) throws IOException {
        if (client.indices().existsAlias(r -> r.name(names.alias())).value()) {
            checkVersionAndAddFields(client, names);
            return false;
        }
        if (client.indices().exists(r -> r.index(names.alias())).value()) {
            throw new IllegalStateException(
                    "'" + names.alias() + "' is a concrete index, not an alias: it was not"
                            + " created by Wenshi (was it auto-created by a write?). Delete it or choose another WENSHI_INDEX.");
        }
        String body = withShardOverride(json);
        try {
            client.indices().create(c -> c.index(names.versioned())
                    .withJson(new StringReader(body))
                    .aliases(names.alias(), a -> a.isWriteIndex(true)));
            return true;
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                // Another process created it between our check and our create: that is the idempotent case.
                return false;
            }
            throw e;
        }
    }

    private void checkVersionAndAddFields(ElasticsearchClient client, IndexNames names) throws IOException {
        GetMappingResponse mapping = client.indices().getMapping(m -> m.index(names.alias()));
        for (var entry : mapping.result().entrySet()) {
            Map<String, JsonData> meta = entry.getValue().mappings().meta();
            int found = meta == null || !meta.containsKey("schema_version")
                    ? -1
                    : meta.get("schema_version").to(Integer.class);
            if (found != schemaVersion()) {
                throw new IllegalStateException("Index " + entry.getKey() + " behind alias '" + names.alias()
                        + "' has schema version " + found + " but this build needs " + schemaVersion()
                        + ": create " + names.versioned() + " and re-ingest, or point WENSHI_INDEX elsewhere.");
            }
        }
        String mappings = tree.path("mappings").toString();
        client.indices().putMapping(p -> p.index(names.alias()).withJson(new StringReader(mappings)));
    }

    private String withShardOverride(String definition) {
        String shards = System.getenv("WENSHI_INDEX_SHARDS");
        if (shards == null || shards.isBlank()) {
            return definition;
        }
        int n;
        try {
            n = Integer.parseInt(shards.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("WENSHI_INDEX_SHARDS must be a positive integer, not '" + shards + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("WENSHI_INDEX_SHARDS must be a positive integer, not '" + shards + "'");
        }
        ObjectNode copy = tree.deepCopy();
        ((ObjectNode) copy.path("settings").path("index")).put("number_of_shards", n);
        return copy.toString();
    }
}
