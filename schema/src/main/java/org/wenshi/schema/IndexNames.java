package org.wenshi.schema;

import java.util.regex.Pattern;

/**
 * The alias that readers and writers use, and the versioned index behind it
 * ({@code wenshi-docs} → {@code wenshi-docs-v1}). A new mapping version gets a new index; the alias
 * moves once it is filled, so nobody ever addresses a concrete index by name.
 *
 * @param alias the name clients read from and write to
 */
public record IndexNames(String alias) {
    /** The alias used when {@code WENSHI_INDEX} is not set. */
    public static final String DEFAULT_ALIAS = "wenshi-docs";

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,200}");

    public IndexNames {
        if (alias == null || !VALID.matcher(alias).matches()) {
            throw new IllegalArgumentException(
                    "Not a valid index alias (lower-case letters, digits, '-', '_', '.'): " + alias);
        }
    }

    /** The alias from the environment variable {@code WENSHI_INDEX}, or {@value #DEFAULT_ALIAS}. */
    public static IndexNames fromEnvironment() {
        String fromEnv = System.getenv("WENSHI_INDEX");
        return new IndexNames(fromEnv == null || fromEnv.isBlank() ? DEFAULT_ALIAS : fromEnv.trim());
    }

    /** The concrete index for the mapping version in {@code index.json}. */
    public String versioned() {
        return alias + "-v" + IndexDefinition.load().schemaVersion();
    }
}
