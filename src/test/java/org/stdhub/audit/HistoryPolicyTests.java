package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.platform.StateChanged;

/** The audit module's own rules around the modules' history rules: admins always, unclaimed types never. */
class HistoryPolicyTests {

    /** Claims "thing": its id "mine" is readable by everyone signed in; "note" is personal. */
    static final HistoryAccess THINGS = new HistoryAccess() {
        @Override
        public Set<String> objectTypes() {
            return Set.of("thing");
        }

        @Override
        public boolean maySee(String objectType, String objectId, Authentication viewer) {
            return objectId.equals("mine");
        }

        @Override
        public Set<String> personalFields(String objectType) {
            return Set.of("note");
        }
    };

    final HistoryPolicy policy = new HistoryPolicy(List.of(THINGS));

    @Test
    void administratorsReadEveryHistoryOthersOnlyWhatARuleAllows() {
        Authentication admin = signedIn("ROLE_ADMIN");
        Authentication officer = signedIn("ROLE_BASE_OFFICER");
        assertThat(policy.maySee("unclaimed", "1", admin)).isTrue();
        assertThat(policy.maySee("thing", "yours", admin)).isTrue();
        assertThat(policy.maySee("unclaimed", "1", officer)).isFalse();
        assertThat(policy.maySee("thing", "yours", officer)).isFalse();
        assertThat(policy.maySee("thing", "mine", officer)).isTrue();
    }

    @Test
    void nobodySignedOutReadsAnything() {
        Authentication anonymous = new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(policy.maySee("thing", "mine", anonymous)).isFalse();
        assertThat(policy.maySee("thing", "mine", null)).isFalse();
        assertThat(policy.maySee("thing", "mine", UsernamePasswordAuthenticationToken.unauthenticated("x", "y")))
                .isFalse();
    }

    @Test
    void personalDataAndHashesAreWithheldFromAllButAdministrators() {
        AuditEntry entry = new AuditEntry(
                7,
                null,
                "lisi",
                "192.0.2.1",
                "thing",
                "mine",
                "updated",
                Map.of(
                        "note", new StateChanged.Change(null, "private"),
                        "email", new StateChanged.Change("a@example.com", "b@example.com"),
                        "status", new StateChanged.Change("old", "new")),
                "why",
                "0".repeat(64),
                "1".repeat(64));

        AuditEntry shown =
                policy.disclosureFor("thing", signedIn("ROLE_BASE_OFFICER")).apply(entry);
        assertThat(shown.address()).isEqualTo(AuditEntry.HIDDEN);
        assertThat(shown.changes())
                .containsEntry("note", new StateChanged.Change(null, AuditEntry.HIDDEN))
                .containsEntry("email", new StateChanged.Change(AuditEntry.HIDDEN, AuditEntry.HIDDEN))
                .containsEntry("status", new StateChanged.Change("old", "new"));
        assertThat(shown.hash()).isNull();
        assertThat(shown.prevHash()).isNull();
        assertThat(shown.withholdsAny()).isTrue();
        assertThat(shown.comment()).isEqualTo("why");

        assertThat(policy.disclosureFor("thing", signedIn("ROLE_ADMIN")).apply(entry))
                .isEqualTo(entry)
                .satisfies(e -> assertThat(e.withholdsAny()).isFalse());
    }

    @Test
    void twoRulesMayNotClaimOneType() {
        assertThatThrownBy(() -> new HistoryPolicy(List.of(THINGS, THINGS)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("thing");
    }

    private static Authentication signedIn(String authority) {
        return UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, AuthorityUtils.createAuthorityList(authority));
    }
}
