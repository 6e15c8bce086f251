package org.stdhub.verification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
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
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.SystemActor;

/**
 * People ({@link TestPeople}), alliances, labs and projects with a draft for the verification tests. Every name
 * carries this run's sequence, so classes sharing a context (and a database) do not clash.
 */
final class VerificationFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN =
            Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    /** A PDF as far as a type detector is concerned. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

    final TestPeople people;
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
        this.people = new TestPeople(accounts, organizations, principals, "验证测试");
        this.alliances = alliances;
        this.projects = projects;
        this.ballots = ballots;
        this.drafts = drafts;
        this.labs = labs;
        this.clock = clock;
    }

    static String code() {
        return "VF" + RUN.replaceAll("[^A-Z]", "") + TestPeople.letters(SEQ.incrementAndGet());
    }

    AllianceView alliance(String name) {
        long org = people.organization(OrganizationKind.ALLIANCE, name);
        return SystemActor.run("test", () -> alliances.register(org, code()));
    }

    /** A lab with a valid accreditation (or one that ended yesterday) and the given capacity. */
    long lab(String name, boolean accredited) {
        LocalDate today = LocalDate.now(clock);
        long org = people.organization(OrganizationKind.LAB, name);
        return SystemActor.run("test", () -> {
            labs.saveProfile(
                    org,
                    new LabView.Profile(
                            "25.040.30 J28",
                            "CNAS L" + (1000 + SEQ.incrementAndGet()),
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

    void signIn(String login) {
        people.signIn(login);
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
                                List.of(people.personId(member), people.personId(member2)),
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
