package org.stdhub.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stdhub.PostgresTest;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.SystemActor;

/** Research projects and reports on PostgreSQL: the migrations, the lists and the search. */
@PostgresTest
class PostgresResearchTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    ResearchProjects projects;

    @Autowired
    Reports reports;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProjectAndAReportAreWrittenListedSearchedAndPublished() {
        String run = String.valueOf(System.nanoTime() % 100_000);
        String login = "pgr" + run;
        SystemActor.run("test", () -> {
            long org = organizations
                    .createOrganization(OrganizationKind.BASE_OFFICE, "研究中心PG" + run, null, null, null)
                    .id();
            var p = accounts.createPerson(
                    new NewPerson(login, login + "@example.com", null, "研究PG", null, "Tea-Garden-2026"));
            organizations.grant(p.personId(), org, Role.RESEARCHER, null, null);
        });
        var user = principals.principal(login, Set.of()).orElseThrow();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);

        ResearchProjectView p = projects.propose(new ResearchProjectForm(
                "PG课题" + run,
                "计划",
                null,
                null,
                List.of(new ResearchProjectForm.MilestoneForm("中期", LocalDate.of(2027, 1, 1), "DONE")),
                null,
                null));
        assertThat(projects.visible()).extracting(ResearchProjectView::id).contains(p.id());
        assertThat(p.milestones())
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MilestoneStatus.DONE));
        ReportView r = reports.create(new ReportForm("REPORT", "PG报告" + run, "摘要", List.of("数据"), p.id()));
        reports.addVersion(r.id(), "r.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reports.publish(r.id()).published()).isTrue();
        assertThat(reports.search("PG报告" + run + " 数据", ReportKind.REPORT))
                .extracting(ReportView::id)
                .containsExactly(r.id());
        SecurityContextHolder.clearContext();
        assertThat(reports.latestPublished(5)).extracting(ReportView::id).contains(r.id());
        assertThat(projects.latestPublished(5))
                .extracting(ResearchProjectView::id)
                .doesNotContain(p.id());
    }

    @Autowired
    org.stdhub.research.analytics.WorkflowFeeds feeds;

    @Autowired
    Analytics analytics;

    @Autowired
    org.stdhub.research.site.LatestOfEach latest;

    @Autowired
    org.stdhub.programme.Committees committees;

    @Test
    void workflowFactsAreKeptOnceAndGroupedOnPostgres() {
        long n = 900_000_000L + System.nanoTime() % 1_000_000;
        java.time.Instant asked = java.time.Instant.parse("2034-03-10T02:00:00Z");
        java.time.Instant answered = asked.plus(java.time.Duration.ofDays(3));
        var open = new org.stdhub.consulting.EnquiryProgressed(
                n,
                -1L,
                org.stdhub.consulting.EnquiryState.ASSIGNED,
                "ICS",
                "01",
                asked,
                LocalDate.of(2034, 3, 17),
                null,
                null,
                false,
                asked);
        var done = new org.stdhub.consulting.EnquiryProgressed(
                n,
                -1L,
                org.stdhub.consulting.EnquiryState.ANSWERED,
                "ICS",
                "01",
                asked,
                LocalDate.of(2034, 3, 17),
                answered,
                true,
                false,
                answered);
        feeds.record(open);
        feeds.record(done);
        feeds.record(open);
        feeds.record(new org.stdhub.talent.EnrolmentChanged(
                n, n, "PG课程", n, org.stdhub.talent.EnrolmentState.ATTENDED, asked, answered));
        feeds.record(
                new org.stdhub.talent.CertificateIssued("PG-" + n, 1L, "证书", LocalDate.of(2034, 3, 20), null, null));
        feeds.record(new org.stdhub.verification.EvaluationIssued(n, "GB/T 1-2020", 0, asked));

        Throughput.Row row = analytics.workflow("enquiries").orElseThrow().rows().stream()
                .filter(r -> r.month().equals("2034-03"))
                .findFirst()
                .orElseThrow();
        assertThat(row.counts().get(0)).isGreaterThanOrEqualTo(1);
        assertThat(row.counts().get(1)).isGreaterThanOrEqualTo(1);
        assertThat(row.meanDays()).isNotNull();
        assertThat(analytics.workflow("training").orElseThrow().rows())
                .filteredOn(r -> r.subjectId() != null && r.subjectId() == n)
                .singleElement()
                .satisfies(r -> assertThat(r.counts()).containsExactly(1L, 1L, 0L, 0L));
        assertThat(analytics.workflow("verification").orElseThrow().rows())
                .filteredOn(r -> r.month().equals("2034-03") && r.subjectId() == null)
                .isNotEmpty();
        assertThat(analytics.enquiriesPastDeadline()).isNotNegative();
        assertThat(SystemActor.run(
                        "test", () -> committees.meetingsOf(org.stdhub.programme.Committees.Kind.EXPERT_COMMITTEE)))
                .isNotNull();
        assertThat(latest.gather().alliances()).isNotNull();
    }
}
