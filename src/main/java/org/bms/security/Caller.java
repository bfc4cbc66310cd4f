package org.bms.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: the token's subject and the roles it grants. Services ask it for rules that depend on the data
 * as well as the role (a PUT may revise a name as a teller, but changing the balance takes an admin).
 *
 * @param subject the token's {@code sub}, recorded on what the caller does
 * @param roles the roles the token grants
 */
public record Caller(String subject, Set<Role> roles) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of the request being served; one without a token has no subject and no role. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Caller("", Set.of());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().stream()
                .filter(Role.class::isInstance)
                .map(Role.class::cast)
                .forEach(roles::add);
        return new Caller(authentication.getName(), roles);
    }

    /**
     * Refuses, with a 403 problem, what only {@code role} may do.
     *
     * @param action what is refused, in words that finish "Only an ADMIN may …"
     */
    public void require(Role role, String action) {
        if (!roles.contains(role)) {
            throw new ForbiddenException("Only an " + role + " may " + action + ".");
        }
    }
}
