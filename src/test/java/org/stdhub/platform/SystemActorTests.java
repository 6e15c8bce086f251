package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Work run as the system: a named system principal that may act as an administrator, and the previous context back. */
class SystemActorTests {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theWorkRunsAsANamedSystemPrincipalWithTheAdministratorsAuthority() {
        Authentication seen =
                SystemActor.run("cli", () -> SecurityContextHolder.getContext().getAuthentication());

        assertThat(seen.isAuthenticated()).isTrue();
        assertThat(seen.getName()).isEqualTo("cli");
        assertThat(seen.getPrincipal()).isEqualTo(new SystemActor.Principal("cli"));
        assertThat(seen.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SYSTEM", "ROLE_ADMIN");
        assertThat(SystemActor.run("cli", SystemActor::current)).contains("cli");
        assertThat(SystemActor.current()).isEmpty();
    }

    @Test
    void thePreviousSecurityContextIsBackAfterwardsAlsoAfterAFailure() {
        var person = UsernamePasswordAuthenticationToken.authenticated(
                "zhangsan", null, List.of(new SimpleGrantedAuthority("ROLE_EXPERT")));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(person);
        SecurityContextHolder.setContext(context);

        SystemActor.run("alert-mail", () -> {});
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(person);

        assertThatThrownBy(() -> SystemActor.run("alert-mail", () -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(person);
        assertThat(SystemActor.current()).isEmpty();
    }

    @Test
    void theInnermostNameIsTheActor() {
        String inner = SystemActor.run(
                "outer",
                () -> SystemActor.run("inner", () -> SystemActor.current().orElseThrow()));

        assertThat(inner).isEqualTo("inner");
        assertThatThrownBy(() -> SystemActor.run(" ", () -> {})).isInstanceOf(IllegalArgumentException.class);
    }
}
