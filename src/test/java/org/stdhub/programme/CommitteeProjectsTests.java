package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.audit.AuditLog;
import org.stdhub.development.Alliances;
import org.stdhub.development.NewProject;
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
import org.stdhub.platform.SystemActor;

/**
 * A registered TC's own projects: development's projects record no technical committee, so the base office lists
 * the projects a TC answers for, each checked through development's API; the TC page and the committees API show
 * them as development has them now. Only the base office lists or removes (audited, with a reason for a removal);
 * only a technical committee lists projects; a project development does not have is refused, and one listed twice.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeProjectsTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    @Autowired
    Committees committees;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    AuditLog audit;

    @Autowired
    MockMvcTester mvc;

    ProgrammeFixtures f;
    String officer;
    String reader;
    long secretariat;
    long project;
    long otherProject;
    String prefix;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        officer = f.officer();
        secretariat = f.unit("秘书处单位");
        reader = f.member(secretariat);
        long allianceOrg = f.people.organization(OrganizationKind.ALLIANCE, "项目测试联盟");
        var alliance =
                SystemActor.run("test", () -> alliances.register(allianceOrg, "PG" + ProgrammeFixtures.letters()));
        prefix = alliance.prefix();
        String member = f.people.person("hold", allianceOrg, Role.ALLIANCE_MEMBER);
        f.signIn(member);
        try {
            project = projects.propose(
                            new NewProject(alliance.id(), "智能电表通信协议", null, "范围", ProjectKind.NEW, null, null))
                    .id();
            otherProject = projects.propose(
                            new NewProject(alliance.id(), "电表外壳防护等级", null, "范围", ProjectKind.NEW, null, null))
                    .id();
        } finally {
            TestPeople.signOut();
        }
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private Committees.CommitteeView tc(String code) {
        f.signIn(officer);
        return committees.create(new Committees.NewCommittee(
                Committees.Kind.TECHNICAL_COMMITTEE, "全国电工仪器仪表标准化技术委员会", code, secretariat, "电测量"));
    }

    @Test
    void theBaseOfficeListsATcsProjectsCheckedThroughDevelopment() {
        var tc = tc("SAC/TC 104." + System.nanoTime() % 1000);
        assertThat(tc.projects()).isEmpty();

        // only the base office
        f.signIn(reader);
        assertThatThrownBy(() -> committees.linkProject(tc.id(), project)).isInstanceOf(AccessDeniedException.class);

        f.signIn(officer);
        // a project development does not have, or none: 400, nothing written
        assertThatThrownBy(() -> committees.linkProject(tc.id(), 999_999_999L))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsEntry("projectId", "programme.error.no-project"));
        assertThatThrownBy(() -> committees.linkProject(tc.id(), null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("projectId"));
        // only a technical committee lists projects
        var group = committees.create(
                new Committees.NewCommittee(Committees.Kind.COORDINATION_GROUP, "领导小组", null, null, null));
        assertThatThrownBy(() -> committees.linkProject(group.id(), project))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.projects-tc-only");
        assertThatThrownBy(() -> committees.linkProject(999_999_999L, project)).isInstanceOf(NotFoundException.class);
        assertThat(committees.get(tc.id()).projects()).isEmpty();

        committees.linkProject(tc.id(), project);
        var linked = committees.linkProject(tc.id(), otherProject);
        assertThat(linked.projects())
                .extracting(
                        Committees.CommitteeProject::projectId,
                        Committees.CommitteeProject::found,
                        Committees.CommitteeProject::alliancePrefix,
                        Committees.CommitteeProject::stage,
                        Committees.CommitteeProject::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(project, true, prefix, "00.00", "/projects/" + project),
                        org.assertj.core.groups.Tuple.tuple(
                                otherProject, true, prefix, "00.00", "/projects/" + otherProject));
        assertThat(linked.projects().getFirst().titleZh()).isEqualTo("智能电表通信协议");
        // once
        assertThatThrownBy(() -> committees.linkProject(tc.id(), project))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.project-linked-twice");
        // removed with a reason only
        assertThatThrownBy(() -> committees.unlinkProject(tc.id(), otherProject, " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        x -> assertThat(x.fieldErrors()).containsKey("reason"));
        assertThat(committees.unlinkProject(tc.id(), otherProject, "误列").projects())
                .extracting(Committees.CommitteeProject::projectId)
                .containsExactly(project);
        assertThatThrownBy(() -> committees.unlinkProject(tc.id(), otherProject, "再次"))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.history(Committees.AUDIT_TYPE, String.valueOf(tc.id())))
                .extracting(org.stdhub.audit.AuditEntry::action)
                .contains("project-linked", "project-unlinked");

        // anyone signed in reads them
        f.signIn(reader);
        assertThat(committees.get(tc.id()).projects())
                .singleElement()
                .satisfies(p -> assertThat(p.titleZh()).isEqualTo("智能电表通信协议"));
    }

    @Test
    void theTcPageAndTheCommitteesApiShowTheProjectsAndRefuseOthersAndBadInput() {
        var tc = tc("SAC/TC 105." + System.nanoTime() % 1000);
        TestPeople.signOut();
        // the page's form: a number development does not have, or no number at all, is shown as the field's error
        assertThat(mvc.post()
                        .uri("/programme/committees/{id}/projects", tc.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("projectId", "abc"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsKey("errors");
        assertThat(mvc.post()
                        .uri("/programme/committees/{id}/projects", tc.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("projectId", String.valueOf(project)))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .doesNotContainKey("errors");
        // a unit member may not list projects
        assertThat(mvc.post()
                        .uri("/programme/committees/{id}/projects", tc.id())
                        .with(user(f.user(reader)))
                        .with(csrf())
                        .param("projectId", String.valueOf(otherProject)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/programme/committees").with(user(f.user(reader))))
                .hasStatusOk()
                .bodyText()
                .contains("tc-project-" + tc.id() + "-" + project)
                .contains("href=\"/projects/" + project + "\"")
                .contains("智能电表通信协议")
                .doesNotContain("tc-project-" + tc.id() + "-" + otherProject)
                // the reader is not of the base office: no forms to list or remove
                .doesNotContain("/programme/committees/" + tc.id() + "/projects\"");
        assertThat(mvc.get().uri("/programme/committees").with(user(f.user(officer))))
                .hasStatusOk()
                .bodyText()
                .contains("/programme/committees/" + tc.id() + "/projects\"")
                .contains("/programme/committees/" + tc.id() + "/projects/" + project + "/removal");

        // the API
        assertThat(mvc.get().uri("/api/v1/committees/{id}", tc.id()).with(user(f.user(reader))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.projects[0].projectId")
                .isEqualTo((int) project);
        assertThat(mvc.get().uri("/api/v1/committees/{id}/projects", tc.id()).with(user(f.user(reader))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].titleZh")
                .isEqualTo("智能电表通信协议");
        assertThat(mvc.post()
                        .uri("/api/v1/committees/{id}/projects", tc.id())
                        .with(user(f.user(reader)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":" + otherProject + "}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/committees/{id}/projects", tc.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":999999999}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText()
                .contains("Development has no project with this number");
        assertThat(mvc.post()
                        .uri("/api/v1/committees/{id}/projects", tc.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":\"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/committees/{id}/projects", tc.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":" + project + "}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post()
                        .uri("/api/v1/committees/{id}/projects", tc.id())
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":" + otherProject + "}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.projects.length()")
                .isEqualTo(2);
        assertThat(mvc.delete()
                        .uri("/api/v1/committees/{id}/projects/{p}", tc.id(), otherProject)
                        .with(user(f.user(reader)))
                        .with(csrf())
                        .param("reason", "误列"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete()
                        .uri("/api/v1/committees/{id}/projects/{p}", tc.id(), otherProject)
                        .with(user(f.user(officer)))
                        .with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.delete()
                        .uri("/api/v1/committees/{id}/projects/{p}", tc.id(), otherProject)
                        .with(user(f.user(officer)))
                        .with(csrf())
                        .param("reason", "误列"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.projects.length()")
                .isEqualTo(1);
        assertThat(mvc.get()
                        .uri("/api/v1/committees/{id}/projects", 999_999_999L)
                        .with(user(f.user(reader))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
