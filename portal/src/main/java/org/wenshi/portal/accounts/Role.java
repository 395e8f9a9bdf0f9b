package org.wenshi.portal.accounts;

import java.util.Locale;

/**
 * What an account may do: a {@code reader} (a reviewer) reads compilations without changing them; an
 * {@code editor} compiles volumes; an {@code admin} also manages accounts. Each role includes the
 * ones before it.
 */
public enum Role {
    READER,
    EDITOR,
    ADMIN;

    /** As stored and as the API writes it: {@code editor}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of {@code id}; {@code null} when it is none. */
    public static Role of(String id) {
        if (id == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(id.trim())) {
                return r;
            }
        }
        return null;
    }
}
