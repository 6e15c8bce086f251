package org.stdhub.identity.security;

import java.util.Set;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.stdhub.identity.Principals;

/** Loads the person signing in (by login name or e-mail address) with today's roles. */
@Component
class PersonDetailsService implements UserDetailsService {

    private final Principals principals;

    PersonDetailsService(Principals principals) {
        this.principals = principals;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > 254) {
            throw new UsernameNotFoundException("unknown");
        }
        return principals.principal(username, Set.of()).orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
