package org.wenshi.portal.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * An account as {@code /admin/users} lists it; never its password hash.
 *
 * @param role {@code reader}, {@code editor} or {@code admin} ({@link Role#id()})
 */
public record Account(
        long id,
        String username,
        String role,
        boolean enabled,
        @JsonProperty("created_at") OffsetDateTime createdAt) {

    public Role roleValue() {
        return Role.of(role);
    }
}
