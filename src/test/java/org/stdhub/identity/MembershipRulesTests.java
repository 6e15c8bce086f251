package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stdhub.identity.MembershipRules.Actor;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotPermittedException;

/** Who may grant and end whose roles, as rules without Spring. */
class MembershipRulesTests {

    static final Actor ADMIN = new Actor(1L, true);
    static final Actor OFFICER = new Actor(2L, false);
    static final Actor SYSTEM = new Actor(null, true);

    @Test
    void onlyAnAdminGrantsTheAdministratorRole() {
        assertThatThrownBy(() -> MembershipRules.checkGrant(OFFICER, 9, Role.ADMIN))
                .isInstanceOf(NotPermittedException.class)
                .extracting(e -> ((NotPermittedException) e).messageKey())
                .isEqualTo("membership.error.admin-only");
        assertThatCode(() -> MembershipRules.checkGrant(ADMIN, 9, Role.ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkGrant(OFFICER, 9, Role.BASE_OFFICER))
                .doesNotThrowAnyException();
    }

    @Test
    void nobodyGrantsOrEndsTheirOwnRoles() {
        assertThatThrownBy(() -> MembershipRules.checkGrant(OFFICER, 2, Role.EXPERT))
                .extracting(e -> ((NotPermittedException) e).messageKey())
                .isEqualTo("membership.error.own-roles");
        assertThatThrownBy(() -> MembershipRules.checkGrant(ADMIN, 1, Role.BASE_OFFICER))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> MembershipRules.checkEnd(ADMIN, 1, Role.ADMIN, true, 3))
                .extracting(e -> ((NotPermittedException) e).messageKey())
                .isEqualTo("membership.error.own-roles");
        assertThatThrownBy(() -> MembershipRules.checkEnd(OFFICER, 2, Role.BASE_OFFICER, false, 3))
                .isInstanceOf(NotPermittedException.class);
    }

    @Test
    void onlyAnAdminEndsTheAdministratorRoleOrAnAdministratorsOtherRoles() {
        assertThatThrownBy(() -> MembershipRules.checkEnd(OFFICER, 1, Role.ADMIN, true, 3))
                .extracting(e -> ((NotPermittedException) e).messageKey())
                .isEqualTo("membership.error.admin-only");
        assertThatThrownBy(() -> MembershipRules.checkEnd(OFFICER, 1, Role.BASE_OFFICER, true, 3))
                .isInstanceOf(NotPermittedException.class);
        assertThatCode(() -> MembershipRules.checkEnd(ADMIN, 5, Role.ADMIN, true, 1))
                .doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkEnd(OFFICER, 5, Role.EXPERT, false, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void theLastActiveAdministratorKeepsTheRole() {
        assertThatThrownBy(() -> MembershipRules.checkEnd(ADMIN, 5, Role.ADMIN, true, 0))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).messageKey())
                .isEqualTo("membership.error.last-admin");
        // also for the system itself (an operator command), and before "your own role" is considered
        assertThatThrownBy(() -> MembershipRules.checkEnd(SYSTEM, 5, Role.ADMIN, true, 0))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> MembershipRules.checkEnd(ADMIN, 1, Role.ADMIN, true, 0))
                .isInstanceOf(ConflictException.class);
        // the last admin's other roles may end
        assertThatCode(() -> MembershipRules.checkEnd(ADMIN, 5, Role.BASE_OFFICER, true, 0))
                .doesNotThrowAnyException();
    }

    @Test
    void nobodySuspendsTheirOwnAccountNorTheLastAdministrators() {
        assertThatThrownBy(() -> MembershipRules.checkSuspend(ADMIN, 1, true, 3))
                .isInstanceOf(NotPermittedException.class)
                .extracting(e -> ((NotPermittedException) e).messageKey())
                .isEqualTo("person.error.own-account");
        assertThatThrownBy(() -> MembershipRules.checkSuspend(ADMIN, 9, true, 0))
                .isInstanceOf(org.stdhub.platform.ConflictException.class)
                .extracting(e -> ((org.stdhub.platform.ConflictException) e).messageKey())
                .isEqualTo("person.error.last-admin");
        assertThatCode(() -> MembershipRules.checkSuspend(ADMIN, 9, true, 1)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkSuspend(ADMIN, 9, false, 0)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkSuspend(SYSTEM, 1, false, 0)).doesNotThrowAnyException();
    }
}
