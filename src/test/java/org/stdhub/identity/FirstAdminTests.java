package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The first administrator exists after the first start, and signs in with the configured password. */
@IdentityTest
class FirstAdminTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theConfiguredAdministratorHoldsAdminInTheBaseOffice() {
        var root = principals.principal("root", Set.of()).orElseThrow();
        assertThat(root.hasRole(Role.ADMIN)).isTrue();
        assertThat(root.mustChangePassword()).isFalse();
        var login = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", "root")
                .param("password", "Adm1n-Test-Only!")
                .exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/");
        assertThat(mvc.get().uri("/admin/organizations").session((MockHttpSession)
                        login.getRequest().getSession()))
                .hasStatusOk();
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        var ctx = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        "t",
                        null,
                        java.util.List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
        org.springframework.security.core.context.SecurityContextHolder.setContext(ctx);
        String login = "onetime" + (System.nanoTime() % 100000);
        Accounts.CreatedPerson created;
        try {
            created = accounts.createPerson(new NewPerson(login, login + "@example.com", null, "一次性", null, null));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(created.oneTimePassword()).isNotBlank();
        var signIn = mvc.post()
                .uri("/login")
                .with(csrf())
                .param("username", login)
                .param("password", created.oneTimePassword())
                .exchange();
        MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession();
        assertThat(mvc.get().uri("/profile").session(session))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/profile/password");
        assertThat(mvc.post()
                        .uri("/profile/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", created.oneTimePassword())
                        .param("password", "My-Own-Secret-9"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/profile");
        assertThat(mvc.get().uri("/profile").session(session)).hasStatusOk();
    }
}
