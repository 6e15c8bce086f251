package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.stdhub.platform.SystemActor;

/** Who acts for the base office: an officer, an administrator or the platform itself; nobody else. */
class BaseOfficeTests {

    private static Authentication with(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(
                "someone",
                null,
                List.of(authorities).stream().map(SimpleGrantedAuthority::new).toList());
    }

    @Test
    void anOfficerAnAdministratorAndTheSystemActForTheBaseOfficeNobodyElse() {
        assertThat(BaseOffice.actsFor(with("ROLE_BASE_OFFICER"))).isTrue();
        assertThat(BaseOffice.actsFor(with("ROLE_ADMIN"))).isTrue();
        assertThat(BaseOffice.actsFor(with(SystemActor.AUTHORITY))).isTrue();
        assertThat(BaseOffice.isSystem(with(SystemActor.AUTHORITY))).isTrue();

        assertThat(BaseOffice.actsFor(null)).isFalse();
        assertThat(BaseOffice.actsFor(with())).isFalse();
        assertThat(BaseOffice.actsFor(with("ROLE_ENTERPRISE_USER", "ROLE_EXPERT", "ROLE_TRAINER")))
                .isFalse();
        // an authority named like the role without the prefix is not the role
        assertThat(BaseOffice.actsFor(with("BASE_OFFICER"))).isFalse();
        assertThat(BaseOffice.isSystem(with("ROLE_ADMIN"))).isFalse();
        assertThat(BaseOffice.isSystem(null)).isFalse();
    }
}
