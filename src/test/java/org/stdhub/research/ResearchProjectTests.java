package org.stdhub.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.stdhub.research.ResearchFixtures.RUN;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.development.Alliances;
import org.stdhub.development.Licensing;
import org.stdhub.development.NewProject;
import org.stdhub.development.Patents;
import org.stdhub.development.ProjectKind;
import org.stdhub.development.Projects;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Research projects and reports: a researcher proposes and edits their team's project only, the base office starts
 * it, links to development projects and patents are checked; unpublished projects and reports are hidden from
 * strangers and anonymous readers, published ones are public; a report file of the wrong type is refused.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchProjectTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects developmentProjects;

    @Autowired
    Patents patents;

    @Autowired
    ResearchProjects projects;

    @Autowired
    Reports reports;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ResearchFixtures f;
    String researcher;
    String colleague;
    String otherResearcher;
    String officer;
    String plainPerson;
    long developmentProject;
    long patent;

    @BeforeAll
    void setUp() {
        f = new ResearchFixtures(accounts, organizations, principals);
        long center = f.people.organization(OrganizationKind.BASE_OFFICE, "研究中心");
        researcher = f.people.person("rr", center, Role.RESEARCHER);
        colleague = f.people.person("rc", center, Role.RESEARCHER);
        otherResearcher = f.people.person("ro", center, Role.RESEARCHER);
        officer = f.people.person("rb", center, Role.BASE_OFFICER);
        plainPerson = f.people.person("rp", null, null);
        long allianceOrg = f.people.organization(OrganizationKind.ALLIANCE, "研究测试联盟");
        var alliance =
                SystemActor.run("test", () -> alliances.register(allianceOrg, "RZ" + ResearchFixtures.letters()));
        String member = f.people.person("rm", allianceOrg, Role.ALLIANCE_MEMBER);
        f.signIn(member);
        try {
            developmentProject = developmentProjects
                    .propose(new NewProject(alliance.id(), "研究支撑的标准", null, "范围", ProjectKind.NEW, null, null))
                    .id();
            patent = patents.declare(
                            developmentProject,
                            new Patents.NewDeclaration("研究所", "CN2026" + RUN + "1.5", "一种方法", Licensing.FRAND))
                    .id();
        } finally {
            TestPeople.signOut();
        }
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void aResearcherProposesAndEditsOnlyTheirTeamsProject() {
        f.signIn(researcher);
        ResearchProjectView p = projects.propose(form("标准化战略课题", List.of(f.people.personId(colleague))));
        assertThat(p.state()).isEqualTo(ResearchProjectState.PROPOSED);
        assertThat(p.team())
                .extracting(ResearchProjectView.TeamMember::personId)
                .containsExactlyInAnyOrder(f.people.personId(researcher), f.people.personId(colleague));
        assertThat(p.developmentProjectIds()).containsExactly(developmentProject);
        assertThat(p.patentIds()).containsExactly(patent);
        assertThat(p.milestones())
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MilestoneStatus.PLANNED));
        assertThat(p.editable()).isTrue();

        f.signIn(colleague);
        ResearchProjectView edited = projects.edit(p.id(), form("标准化战略课题（修订）", List.of(f.people.personId(colleague))));
        assertThat(edited.topic()).isEqualTo("标准化战略课题（修订）");

        f.signIn(otherResearcher);
        assertThatThrownBy(() -> projects.get(p.id())).isInstanceOf(NotFoundException.class);
        f.signIn(officer);
        assertThat(projects.get(p.id()).editable()).isTrue();
        f.signIn(otherResearcher);
        // published: the other researcher reads it but still may not edit it
        f.signIn(colleague);
        projects.publish(p.id());
        f.signIn(otherResearcher);
        assertThat(projects.get(p.id()).editable()).isFalse();
        assertThatThrownBy(() -> projects.edit(p.id(), form("越权修改", List.of())))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> projects.transition(p.id(), "conclude", null))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(plainPerson);
        assertThatThrownBy(() -> projects.propose(form("非研究人员", List.of()))).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void theStateMachineStartsByTheOfficeAndConcludesByTheTeam() {
        f.signIn(researcher);
        ResearchProjectView p = projects.propose(form("状态机课题", List.of()));
        assertThatThrownBy(() -> projects.transition(p.id(), "start", null)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> projects.transition(p.id(), "conclude", null)).isInstanceOf(ConflictException.class);
        f.signIn(officer);
        assertThat(projects.transition(p.id(), "start", "批准").state()).isEqualTo(ResearchProjectState.ACTIVE);
        assertThatThrownBy(() -> projects.transition(p.id(), "start", null)).isInstanceOf(ConflictException.class);
        f.signIn(researcher);
        assertThat(projects.transition(p.id(), "conclude", null).state()).isEqualTo(ResearchProjectState.CONCLUDED);
        assertThatThrownBy(() -> projects.transition(p.id(), "jump", null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void linksToUnknownDevelopmentProjectsOrForeignPatentsAreRefused() {
        f.signIn(researcher);
        var bad = new ResearchProjectForm("坏链接", null, null, null, null, List.of(Long.MAX_VALUE), List.of());
        assertThatThrownBy(() -> projects.propose(bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("developmentProjectIds"));
        var foreignPatent = new ResearchProjectForm("坏专利", null, null, null, null, List.of(), List.of(patent));
        assertThatThrownBy(() -> projects.propose(foreignPatent))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("patentIds"));
        var badMilestone = new ResearchProjectForm(
                "坏里程碑",
                null,
                null,
                null,
                List.of(new ResearchProjectForm.MilestoneForm("中期", null, "SOON")),
                null,
                null);
        assertThatThrownBy(() -> projects.propose(badMilestone))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("milestones"));
    }

    @Test
    void overHttpUnpublishedProjectsAreHiddenAndPublishedOnesPublic() {
        f.signIn(researcher);
        ResearchProjectView p = projects.propose(form("接口课题" + RUN, List.of()));
        signOut();
        assertThat(mvc.get().uri("/api/v1/research-projects/" + p.id())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/research/projects")).hasStatusOk().bodyText().doesNotContain("接口课题" + RUN);
        assertThat(mvc.get().uri("/research/projects/" + p.id()).with(f.as(researcher)))
                .hasStatusOk()
                .bodyText()
                .contains("接口课题" + RUN);
        assertThat(mvc.post()
                        .uri("/api/v1/research-projects")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"匿名\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.put()
                        .uri("/api/v1/research-projects/" + p.id())
                        .with(f.as(otherResearcher))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"越权\",\"team\":[" + f.people.personId(otherResearcher) + "]}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/research-projects")
                        .with(f.as(researcher))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("topic");
        assertThat(mvc.post()
                        .uri("/api/v1/research-projects/" + p.id() + "/conclude")
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/research-projects/" + p.id() + "/publish")
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/research-projects/" + p.id())).hasStatusOk();
        assertThat(mvc.get().uri("/research/projects")).hasStatusOk().bodyText().contains("接口课题" + RUN);
        assertThat(mvc.get().uri("/about"))
                .hasStatusOk()
                .bodyText()
                .contains("接口课题" + RUN, "/alliances", "/labs", "/bulletins", "/notices", "/analytics", "/courses");
    }

    @Test
    void reportsTakePdfFilesOnlyAndArePublicOncePublished() {
        String title = "政策建议" + RUN;
        f.signIn(researcher);
        ReportView r = reports.create(new ReportForm("POLICY_BRIEF", title, "摘要：标准化政策", List.of("标准化", "政策"), null));
        assertThatThrownBy(() -> reports.publish(r.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> reports.addVersion(r.id(), "evil.pdf", "just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("file", "research.error.file-type"));
        signOut();

        MockMultipartFile png = new MockMultipartFile(
                "file", "chart.pdf", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        assertThat(mvc.post()
                        .uri("/api/v1/reports/" + r.id() + "/versions")
                        .multipart()
                        .file(png)
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        MockMultipartFile pdf = new MockMultipartFile("file", "brief.pdf", "application/pdf", pdf("v1"));
        assertThat(mvc.post()
                        .uri("/api/v1/reports/" + r.id() + "/versions")
                        .multipart()
                        .file(pdf)
                        .with(f.as(otherResearcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/reports/" + r.id() + "/versions")
                        .multipart()
                        .file(pdf)
                        .with(f.as(researcher))
                        .with(csrf()))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.get().uri("/api/v1/reports/" + r.id())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/reports").param("q", RUN))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(title);

        f.signIn(researcher);
        ReportView two = reports.addVersion(r.id(), "brief-v2.pdf", pdf("v2"));
        assertThat(two.versions()).extracting(ReportView.Version::number).containsExactly(1, 2);
        assertThat(two.versions().get(0).sha256())
                .isNotEqualTo(two.versions().get(1).sha256());
        reports.publish(r.id());
        signOut();
        // the base management counts it as a research output, once
        assertThat(jdbc.queryForObject(
                        "select count(*) from programme_fact where source_key = ? and indicator = 'RESEARCH_OUTPUTS'",
                        Integer.class,
                        "research.report:" + r.id()))
                .isEqualTo(1);

        assertThat(mvc.get().uri("/api/v1/reports").param("q", RUN + " 政策"))
                .hasStatusOk()
                .bodyText()
                .contains(title);
        assertThat(mvc.get().uri("/api/v1/reports/" + r.id() + "/versions/1/file"))
                .hasStatusOk()
                .hasContentType("application/pdf");
        assertThat(mvc.get().uri("/research/projects").param("q", RUN))
                .hasStatusOk()
                .bodyText()
                .contains(title);
        assertThat(mvc.post()
                        .uri("/api/v1/reports")
                        .with(f.as(plainPerson))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"REPORT\",\"title\":\"t\",\"abstractText\":\"a\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    // ------------------------------------------------------------------ fixtures

    private ResearchProjectForm form(String topic, List<Long> team) {
        return new ResearchProjectForm(
                topic,
                "计划：调研、分析、撰写",
                "报告一份",
                team,
                List.of(new ResearchProjectForm.MilestoneForm("中期检查", LocalDate.of(2027, 3, 1), null)),
                List.of(developmentProject),
                List.of(patent));
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
