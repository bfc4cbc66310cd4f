package org.bms.security;

import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;

/** What a token's {@code roles} claim may grant; any other string in it grants nothing. */
public enum Role implements GrantedAuthority {
    /** Opens, revises and closes accounts and moves money between them. */
    TELLER,
    /** Reads everything and changes nothing. */
    AUDITOR,
    /** Everything a teller does, and sets balances and reverses movements. */
    ADMIN;

    private static final String PREFIX = "ROLE_";

    /** Spring Security's name for it, as {@code hasRole} and Boot's health details look it up. */
    @Override
    public String getAuthority() {
        return PREFIX + name();
    }

    /** The role a claim value names, exactly as written; empty for anything else. */
    static Optional<Role> named(Object claimValue) {
        for (Role role : values()) {
            if (role.name().equals(claimValue)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
