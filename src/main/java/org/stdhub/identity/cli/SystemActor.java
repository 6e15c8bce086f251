package org.stdhub.identity.cli;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Commands act as the operator of the machine: an administrator named "cli". */
final class SystemActor {

    private SystemActor() {}

    static void signIn() {
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                "cli",
                null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_BASE_OFFICER")));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
    }
}
