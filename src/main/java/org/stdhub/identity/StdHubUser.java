package org.stdhub.identity;

import java.io.Serial;
import java.util.*;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the security layer sees them: roles per organization (for row-level checks) and
 * the union of roles as authorities ({@code ROLE_…}); API tokens add {@code SCOPE_…} authorities.
 */
public final class StdHubUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long personId;
    private final String login;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    /** organization id → roles held there today. */
    private final Map<Long, Set<Role>> roles;

    private final Set<String> scopes;

    StdHubUser(
            long personId,
            String login,
            String displayName,
            String passwordHash,
            boolean enabled,
            boolean locked,
            boolean mustChangePassword,
            Map<Long, Set<Role>> roles,
            Set<String> scopes) {
        this.personId = personId;
        this.login = login;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        Map<Long, Set<Role>> copy = new HashMap<>();
        roles.forEach((org, set) -> copy.put(org, Set.copyOf(set)));
        this.roles = Map.copyOf(copy);
        this.scopes = Set.copyOf(scopes);
    }

    public long personId() {
        return personId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Does this person hold {@code role} in organization {@code organizationId} today? */
    public boolean hasRoleIn(long organizationId, Role role) {
        return roles.getOrDefault(organizationId, Set.of()).contains(role);
    }

    public boolean hasRole(Role role) {
        return roles.values().stream().anyMatch(set -> set.contains(role));
    }

    /** The organizations in which this person holds {@code role}. */
    public Set<Long> organizationsWith(Role role) {
        Set<Long> orgs = new TreeSet<>();
        roles.forEach((org, set) -> {
            if (set.contains(role)) {
                orgs.add(org);
            }
        });
        return orgs;
    }

    public Set<String> scopes() {
        return scopes;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        roles.values().forEach(set -> set.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority()))));
        scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StdHubUser other && other.personId == personId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(personId);
    }

    @Override
    public String toString() {
        return login;
    }
}
