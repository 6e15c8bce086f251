package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.platform.SystemActor;

/** Whom the system writes to: active accounts only, organization members holding a role today, each once. */
@IdentityTest
class RecipientsTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String RUN = Long.toString(System.nanoTime() % 100_000_000L);
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    Recipients recipients;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Organizations organizations;

    private long person(String name) {
        String login = "rcp" + RUN + "x" + SEQ.incrementAndGet();
        return accounts.createPersonUnchecked(
                        new NewPerson(login, login + "@example.com", null, name, "Someone", "Tea-Garden-2026"))
                .personId();
    }

    @Test
    void aPersonIsWrittenToWhileTheirAccountIsActive() {
        long id = person("收件人");
        String login = principals.principal(id).orElseThrow().getUsername();

        assertThat(recipients.ofPerson(id)).containsExactly(new Contact(id, login, "收件人", login + "@example.com"));

        SystemActor.run("test", () -> accounts.suspend(id, "test"));
        assertThat(recipients.ofPerson(id)).isEmpty();
        assertThat(recipients.ofPerson(-1)).isEmpty();
        // for the system's own use: nobody needs to be signed in
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void anOrganizationsRecipientsAreItsActiveMembersOfTodayEachOnce() {
        long org = organizations
                .createUnchecked(OrganizationKind.ENTERPRISE, "收件企业" + RUN + SEQ.incrementAndGet(), null, null, null)
                .getId();
        long twoRoles = person("两个角色");
        long former = person("已离开");
        long future = person("将加入");
        long suspended = person("已停用");
        LocalDate today = LocalDate.now();
        organizations.grantUnchecked(twoRoles, org, Role.ENTERPRISE_USER, null, null);
        organizations.grantUnchecked(twoRoles, org, Role.RESEARCHER, null, null);
        organizations.grantUnchecked(former, org, Role.ENTERPRISE_USER, today.minusDays(30), today.minusDays(1));
        organizations.grantUnchecked(future, org, Role.ENTERPRISE_USER, today.plusDays(7), null);
        organizations.grantUnchecked(suspended, org, Role.ENTERPRISE_USER, null, null);
        SystemActor.run("test", () -> accounts.suspend(suspended, "test"));

        assertThat(recipients.ofOrganization(org)).singleElement().satisfies(c -> {
            assertThat(c.personId()).isEqualTo(twoRoles);
            assertThat(c.displayName()).isEqualTo("两个角色");
            assertThat(c.email()).isEqualTo(c.login() + "@example.com");
        });
    }
}
