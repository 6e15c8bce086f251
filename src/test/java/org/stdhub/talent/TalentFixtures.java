package org.stdhub.talent;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * What the talent tests share: people with roles and organizations ({@link TestPeople}), experts entered and approved,
 * and signing in. The classes share one context (and database) with the other {@code @IdentityTest} classes, so each
 * uses field codes of its own ({@link #field()}) and logins with a run-unique prefix.
 */
final class TalentFixtures {

    private static final String RUN = String.valueOf(System.nanoTime() % 1_000_000);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger FIELD = new AtomicInteger(100 + (int) (System.nanoTime() % 400));

    final TestPeople people;
    final Experts experts;

    TalentFixtures(Accounts accounts, Organizations organizations, Principals principals, Experts experts) {
        this.people = new TestPeople(accounts, organizations, principals, "人才测试");
        this.experts = experts;
    }

    /** An ICS class no other test uses: "99.{n}". */
    static String field() {
        return "99." + String.format("%03d", FIELD.incrementAndGet() % 1000);
    }

    /** A person with an active account; returns their login. */
    String person(String prefix) {
        return people.person(prefix);
    }

    /** A base officer; returns their login. */
    String officer() {
        return people.officer("off");
    }

    /** An enterprise; returns its id. */
    long organization(String name) {
        return people.organization(OrganizationKind.ENTERPRISE, name);
    }

    /**
     * A development project (stage 00.00) of a new alliance, proposed by one of its members; returns the project's id.
     */
    long project(org.stdhub.development.Alliances alliances, org.stdhub.development.Projects projects, String title) {
        int n = SEQ.incrementAndGet();
        StringBuilder code = new StringBuilder("TL");
        for (char ch : (RUN + n).toCharArray()) {
            code.append((char) ('A' + (ch - '0')));
        }
        String group = code.length() > 12 ? code.substring(0, 2) + code.substring(code.length() - 10) : code.toString();
        long allianceOrg = people.organization(OrganizationKind.ALLIANCE, "人才联盟");
        var alliance = SystemActor.run("test", () -> alliances.register(allianceOrg, group));
        String member = people.person("tlm", alliance.organizationId(), Role.ALLIANCE_MEMBER);
        signIn(member);
        try {
            return projects.propose(new org.stdhub.development.NewProject(
                            alliance.id(),
                            title,
                            "Project " + n,
                            "范围",
                            org.stdhub.development.ProjectKind.NEW,
                            null,
                            null))
                    .id();
        } finally {
            TestPeople.signOut();
        }
    }

    static ExpertForms.ProfileForm profile(String field, Title title, int years) {
        return new ExpertForms.ProfileForm(field, "", "测试 关键词", title, false, years, "河南");
    }

    /**
     * A draw request with {@code members} and {@code reserves} of {@code field}, the organizations given as its parties
     * and nothing else (no supervising authority, party people, drafters or exclusions).
     */
    static DrawForms.NewDraw request(
            DrawPurpose purpose, String subject, String field, int members, int reserves, Long... parties) {
        return new DrawForms.NewDraw(
                purpose, subject, field, members, reserves, null, List.of(parties), List.of(), List.of(), List.of());
    }

    /** {@code n} approved experts of {@code field}, by expert id to their login. */
    java.util.Map<Long, String> activeExperts(String prefix, String field, int n) {
        java.util.Map<Long, String> loginOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String login = person(prefix);
            loginOf.put(activeExpert(login, field), login);
        }
        return loginOf;
    }

    /** An approved expert of {@code field}; returns the expert id. */
    long activeExpert(String login, String field) {
        long person = people.personId(login);
        return SystemActor.run("test", () -> {
            ExpertView e = experts.enter(person, profile(field, Title.SENIOR, 10));
            experts.transition(e.id(), ExpertTransition.START_REVIEW, null);
            return experts.transition(e.id(), ExpertTransition.APPROVE, null).id();
        });
    }

    void signIn(String login) {
        people.signIn(login);
    }

    StdHubUser user(String login) {
        return people.principal(login);
    }

    static <T> List<T> listOf(T one) {
        return List.of(one);
    }
}
