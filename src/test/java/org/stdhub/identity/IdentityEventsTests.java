package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.stdhub.platform.StateChanged;

/**
 * What identity tells the other modules: the events a registration and a role grant publish, caught by Spring
 * Modulith's {@link PublishedEvents} in the ordinary identity test context (no context of its own).
 */
@IdentityTest
@ExtendWith(PublishedEventsExtension.class)
class IdentityEventsTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    Registrations registrations;

    @Autowired
    Organizations organizations;

    @Test
    void aRegistrationPublishesUserRegistered(PublishedEvents events) {
        String first17 = "91410177770003EW1";
        registrations.register(new Registration(
                "evt-registered",
                "evt-registered@example.com",
                null,
                "事件测试",
                null,
                "Tea-Garden-2026",
                "事件测试企业",
                first17 + UnifiedSocialCreditCode.checkCharacter(first17)));

        long personId = principals
                .principal("evt-registered", java.util.Set.of())
                .orElseThrow()
                .personId();
        assertThat(events.ofType(UserRegistered.class)).singleElement().satisfies(e -> {
            assertThat(e.personId()).isEqualTo(personId);
            assertThat(e.login()).isEqualTo("evt-registered");
        });
        assertThat(events.ofType(StateChanged.class).matching(StateChanged::objectType, "person"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.objectId()).isEqualTo("evt-registered");
                    assertThat(e.action()).isEqualTo("registered");
                });
    }

    @Test
    void aRoleGrantPublishesMembershipChangedAndTheAuditedStateChange(PublishedEvents events) {
        long org = organizations
                .createUnchecked(OrganizationKind.ENTERPRISE, "事件测试授权企业", null, null, null)
                .getId();
        long person = accounts.createPersonUnchecked(
                        new NewPerson("evt-granted", "evt-granted@example.com", null, "事件测试", null, "Tea-Garden-2026"))
                .personId();

        organizations.grantUnchecked(person, org, Role.EXPERT, null, null);

        assertThat(events.ofType(MembershipChanged.class))
                .containsExactly(new MembershipChanged(person, org, Role.EXPERT, true));
        assertThat(events.ofType(StateChanged.class))
                .extracting(StateChanged::objectType, StateChanged::objectId, StateChanged::action)
                .containsExactly(
                        Tuple.tuple("organization", String.valueOf(org), "created"),
                        Tuple.tuple("person", "evt-granted", "created"),
                        Tuple.tuple("person", "evt-granted", "role-granted"));
    }
}
