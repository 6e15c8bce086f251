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
}
