package org.stdhub.identity;

import java.io.Serial;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A request authenticated by an API token ({@code Authorization: Bearer sth_…}), as opposed to a password login
 * with a session. Its authorities are the owner's roles plus the token's scopes ({@code SCOPE_read}, {@code
 * SCOPE_write}). The HTTP layer accepts tokens on {@code /api/**} only and checks the scope by method there;
 * services that must never act for a token (creating tokens) ask {@link #isToken(Authentication)}.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Lets the holder read anything its owner may read through the API. */
    public static final String READ = "read";
    /** Lets the holder change things through the API (and read, see {@link #mayRead()}). */
    public static final String WRITE = "write";

    private final StdHubUser user;

    public ApiTokenAuthentication(StdHubUser user) {
        super(user.getAuthorities());
        if (!user.viaApiToken()) {
            throw new IllegalArgumentException("not the principal of an API token: " + user);
        }
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public StdHubUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    /** Reads need the {@code read} scope; a {@code write} token may read too (write implies read). */
    public boolean mayRead() {
        return user.scopes().contains(READ) || mayWrite();
    }

    public boolean mayWrite() {
        return user.scopes().contains(WRITE);
    }

    /** Is this authentication an API token's (whatever the wrapper), rather than a person's password login? */
    public static boolean isToken(Authentication authentication) {
        return authentication instanceof ApiTokenAuthentication
                || (authentication != null
                        && authentication.getPrincipal() instanceof StdHubUser user
                        && user.viaApiToken());
    }
}
