package org.stdhub.platform;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one way for work that no person asked for — an operator command, a scheduled job — to act as the system:
 * {@code SystemActor.run("cli", () -> …)}. While the work runs, the security context holds a {@link Principal
 * system principal} of that name, which may do what an administrator may ({@value #AUTHORITY} and {@value
 * #ADMIN_AUTHORITY}), and the audit trail records that name as the actor of every change, whatever else the
 * work signs in. Afterwards the thread's previous security context is back.
 */
public final class SystemActor {

    /** The name the audit trail records when nobody is signed in and no work named itself. */
    public static final String SYSTEM = "system";

    /** The authority that tells the system apart from every person. */
    public static final String AUTHORITY = "ROLE_SYSTEM";

    /** The system may do what an administrator may (identity's {@code ADMIN} role). */
    static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private static final ScopedValue<String> ACTOR = ScopedValue.newInstance();

    private SystemActor() {}

    /** Runs {@code work} as the system named {@code actorName} and returns what it returns. */
    public static <T> T run(String actorName, Supplier<T> work) {
        Objects.requireNonNull(work);
        Principal principal = new Principal(actorName);
        return ScopedValue.where(ACTOR, principal.name()).call(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContext system = SecurityContextHolder.createEmptyContext();
            system.setAuthentication(new Authentication(principal));
            SecurityContextHolder.setContext(system);
            try {
                return work.get();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        });
    }

    /** Runs {@code work} as the system named {@code actorName}. */
    public static void run(String actorName, Runnable work) {
        Objects.requireNonNull(work);
        run(actorName, () -> {
            work.run();
            return null;
        });
    }

    /** The name of the system actor the current thread runs as, if it runs as one. */
    public static Optional<String> current() {
        return ACTOR.isBound() ? Optional.of(ACTOR.get()) : Optional.empty();
    }

    /** The system as the security context shows it: its name, nothing else. */
    public record Principal(String name) implements java.security.Principal {

        public Principal {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a system actor needs a name");
            }
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String toString() {
            return "system actor " + name;
        }
    }

    /** An authentication made by the application itself: no credentials, never from a request. */
    private static final class Authentication extends AbstractAuthenticationToken {

        private final Principal principal;

        Authentication(Principal principal) {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY), new SimpleGrantedAuthority(ADMIN_AUTHORITY)));
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }
    }
}
