package org.stdhub.verification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.MutableClock;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Ballots;
import org.stdhub.development.Drafts;
import org.stdhub.development.NewBallot;
import org.stdhub.development.NewProject;
import org.stdhub.development.ProjectKind;
import org.stdhub.development.Projects;
import org.stdhub.development.VotePosition;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.SystemActor;

/**
 * People, alliances, labs and projects with a draft for the verification tests. Every name carries this run's
 * sequence, so classes sharing a context (and a database) do not clash.
 */
final class VerificationFixtures {

    static final String PASSWORD = "Tea-Garden-2026";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN =
            Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    /** A PDF as far as a type detector is concerned. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    final Accounts accounts;
    final Organizations organizations;
    final Principals principals;
    final Alliances alliances;
    final Projects projects;
    final Ballots ballots;
    final Drafts drafts;
    final Labs labs;
    final MutableClock clock;

    VerificationFixtures(
            Accounts accounts,
            Organizations organizations,
            Principals principals,
            Alliances alliances,
            Projects projects,
            Ballots ballots,
            Drafts drafts,
            Labs labs,
            MutableClock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.principals = principals;
        this.alliances = alliances;
        this.projects = projects;
        this.ballots = ballots;
        this.drafts = drafts;
        this.labs = labs;
        this.clock = clock;
    }

    static String code() {
        int n = SEQ.incrementAndGet();
        StringBuilder s = new StringBuilder("VF" + RUN.replaceAll("[^A-Z]", ""));
        do {
            s.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    AllianceView alliance(String name) {
        return SystemActor.run("test", () -> {
            long org = organizations
                    .create(OrganizationKind.ALLIANCE, name + SEQ.incrementAndGet() + RUN, null, null, null)
                    .getId();
            return alliances.register(org, code());
        });
    }

    /** A lab with a valid accreditation (or one that ended yesterday) and the given capacity. */
    long lab(String name, boolean accredited) {
        LocalDate today = LocalDate.now(clock);
        return SystemActor.run("test", () -> {
            long org = organizations
                    .create(OrganizationKind.LAB, name + SEQ.incrementAndGet() + RUN, null, null, null)
                    .getId();
            labs.saveProfile(
                    org,
                    new LabView.Profile(
                            "25.040.30 J28",
                            "CNAS L" + (1000 + SEQ.get()),
                            "测试范围",
                            today.minusYears(3),
                            accredited ? today.plusYears(2) : today.minusDays(1),
                            3));
            return org;
        });
    }

    long equipment(long lab, String name, LocalDate due) {
        return SystemActor.run(
                "test",
                () -> labs.addEquipment(lab, new LabView.NewEquipment(name, "M-1", "SN" + SEQ.incrementAndGet(), due))
                        .id());
    }

    String person(String prefix, long organizationId, Role role) {
        String login = prefix + SEQ.incrementAndGet() + "v" + RUN.toLowerCase();
        SystemActor.run("test", () -> {
            var created = accounts.createPerson(
                    new NewPerson(login, login + "@example.com", null, "验证测试" + SEQ.get(), null, PASSWORD));
            if (role != null) {
                organizations.grant(created.personId(), organizationId, role, null, null);
            }
        });
        return login;
    }

    StdHubUser principal(String login) {
        return principals.principal(login, Set.of()).orElseThrow();
    }

    void signIn(String login) {
        StdHubUser user = principal(login);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A project of the alliance in drafting (20.20) with one draft version. */
    long projectInDrafting(AllianceView a, String secretary, String member, String member2, String title) {
        signIn(member);
        long id = projects.propose(new NewProject(a.id(), title, null, "范围", ProjectKind.NEW, null, null))
                .id();
        signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        ballotApproved(id, secretary, member, member2);
        projects.transition(id, "APPROVE_PROJECT", null);
        projects.transition(id, "REGISTER_DRAFTING", null);
        projects.transition(id, "START_DRAFTING", null);
        signIn(member);
        drafts.upload(id, "wd.pdf", PDF, "工作组草案");
        signIn(secretary);
        return id;
    }

    void ballotApproved(long id, String secretary, String member, String member2) {
        signIn(secretary);
        long ballot = ballots.open(
                        id,
                        new NewBallot(
                                null,
                                clock.instant().plus(Duration.ofDays(14)),
                                List.of(
                                        principal(member).personId(),
                                        principal(member2).personId()),
                                false))
                .id();
        signIn(member);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        signIn(member2);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        clock.advance(Duration.ofDays(14));
        signIn(secretary);
        ballots.close(ballot);
    }
}
