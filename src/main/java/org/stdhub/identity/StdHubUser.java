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
 *
 * <p>A principal made for an API token carries the token's scopes (never none); one made for a password login
 * carries no scope: {@link #viaApiToken()} tells them apart. {@link #securityVersion()} and {@link
 * #credentialStamp()} are what a session compares with the account on every request (see {@code
 * SessionRevalidation}). Temporary login locks are enforced before the password is checked, per account and
 * client address ({@link LoginThrottle}), so the principal itself is never "locked": a password lock does not
 * stop the account's API tokens.
 */
public final class StdHubUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long personId;
    private final String login;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final int securityVersion;
    private final String credentialStamp;
    /** organization id → roles held there today. */
    private final Map<Long, Set<Role>> roles;

    private final Set<String> scopes;

    StdHubUser(
            long personId,
            String login,
            String displayName,
            String passwordHash,
            boolean enabled,
            boolean mustChangePassword,
            int securityVersion,
            Map<Long, Set<Role>> roles,
            Set<String> scopes) {
        this.personId = personId;
        this.login = login;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.securityVersion = securityVersion;
        // survives eraseCredentials(): tells a session whether the password changed since it signed in
        this.credentialStamp =
                Secrets.sha256(passwordHash == null ? "" : passwordHash).substring(0, 16);
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

    /** True for the principal of an API token (it carries the token's scopes), false for a password login. */
    public boolean viaApiToken() {
        return !scopes.isEmpty();
    }

    /** The account's security version when this principal was loaded. */
    public int securityVersion() {
        return securityVersion;
    }

    /** A short digest of the password hash when this principal was loaded (the hash itself is erased). */
    public String credentialStamp() {
        return credentialStamp;
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

    /** Always true: login locks are per account and address and are checked before the password. */
    @Override
    public boolean isAccountNonLocked() {
        return true;
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
