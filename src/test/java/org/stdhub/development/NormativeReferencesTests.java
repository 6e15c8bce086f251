package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.compliance.Verdict;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;

/**
 * The normative-reference check of a draft: the standards cited in a docx's text are read and flagged (withdrawn with
 * its current replacement, not found), references entered by hand too; other alliances and anonymous callers are
 * refused, an unreadable designation is a 400.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormativeReferencesTests {

    static final String OLD = "GB/T 98761-2010";
    static final String NEW = "GB/T 98761-2020";
    static final String CURRENT = "GB 98762-2015";
    static final String MISSING = "GB/T 98763-2019";

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
    Projects projects;

    @Autowired
    Drafts drafts;

    @Autowired
    NormativeReferences references;

    @Autowired
    StandardImporter importer;

    DevelopmentFixtures f;
    AllianceView a;
    String member;
    String otherMember;
    long project;
    long draft;
    long draft2;

    @BeforeAll
    void setUp() throws Exception {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        DevelopmentFixtures.importLines(
                importer,
                "{\"id_raw\":\"" + OLD + "\",\"title_zh\":\"引用核查旧版\",\"status\":\"withdrawn\",\"replaced_by\":[\"" + NEW
                        + "\"],\"source\":\"test:references\"}",
                "{\"id_raw\":\"" + NEW + "\",\"title_zh\":\"引用核查新版\",\"status\":\"current\",\"replaces\":[\"" + OLD
                        + "\"],\"source\":\"test:references\"}",
                "{\"id_raw\":\"" + CURRENT + "\",\"title_zh\":\"引用核查现行\",\"status\":\"current\","
                        + "\"source\":\"test:references\"}");
        a = f.alliance("引用核查联盟");
        AllianceView b = f.alliance("引用旁观联盟");
        member = f.person("rmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        otherMember = f.person("rmeo", b.organizationId(), Role.ALLIANCE_MEMBER);
        f.signIn(member);
        project = projects.propose(new NewProject(a.id(), "引用核查项目", null, "范围", ProjectKind.NEW, null, null))
                .id();
        String text = "2 规范性引用文件 下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。"
                + "GB/T 98761—2010 引用核查旧版；GB 98762-2015 引用核查现行；" + MISSING + " 不存在的标准。"
                + "第 3 章 术语和定义，见表 1 与 PDF 2 页。";
        draft = drafts.upload(project, "wd.docx", DraftsAndCommentsTests.docx(text), "工作组草案")
                .id();
        draft2 = drafts.upload(project, "wd2.docx", DraftsAndCommentsTests.docx("无引用"), "第二版")
                .id();
        TestPeople.signOut();
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void citedStandardsAreReadFromTheDraftAndFlagged() {
        f.signIn(member);
        ReferenceCheckView check = references.add(project, draft, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(check.references())
                .extracting(ReferenceCheckView.Reference::designation)
                .containsExactlyInAnyOrder(OLD, CURRENT, MISSING);
        assertThat(ref(check, OLD).verdict()).isEqualTo(Verdict.WITHDRAWN_REPLACED);
        assertThat(ref(check, OLD).currentReplacement()).containsExactly(NEW);
        assertThat(ref(check, OLD).flagged()).isTrue();
        assertThat(ref(check, CURRENT).verdict()).isEqualTo(Verdict.CURRENT);
        assertThat(ref(check, CURRENT).flagged()).isFalse();
        assertThat(ref(check, MISSING).verdict()).isEqualTo(Verdict.NOT_FOUND);
        assertThat(ref(check, MISSING).origin()).isEqualTo("TEXT");
        assertThat(check.flagged()).isEqualTo(2);

        // by hand: one more, the ones already listed kept once
        ReferenceCheckView more = references.add(project, draft, List.of(NEW, " " + OLD), Locale.ENGLISH);
        assertThat(more.references()).hasSize(4);
        assertThat(ref(more, NEW).origin()).isEqualTo("HAND");
        assertThat(ref(more, NEW).verdict()).isEqualTo(Verdict.CURRENT);

        assertThatThrownBy(() -> references.add(project, draft, List.of("no designation here"), Locale.ENGLISH))
                .isInstanceOf(InvalidInputException.class);
        f.signIn(otherMember);
        assertThatThrownBy(() -> references.add(project, draft, List.of(NEW), Locale.ENGLISH))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> references.of(project, draft, Locale.ENGLISH))
                .isInstanceOf(NotPermittedException.class);
    }

    private static ReferenceCheckView.Reference ref(ReferenceCheckView check, String designation) {
        return check.references().stream()
                .filter(r -> r.designation().equals(designation))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theApiChecksWhoAsksAndWhatIsGiven() {
        String uri = "/api/v1/projects/{id}/drafts/{draft}/references";
        assertThat(mvc.post()
                        .uri(uri, project, draft2)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designations\":[\"" + CURRENT + "\"]}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri(uri, project, draft2)
                        .with(user(f.people.principal(otherMember)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designations\":[\"" + CURRENT + "\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(uri, project, draft2)
                        .with(user(f.people.principal(member)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designations\":[\"完全不是标准号\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri(uri, project, draft2)
                        .with(user(f.people.principal(member)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designations\":[\"GB/T 98764-2018\"]}"))
                .hasStatusOk()
                .bodyText()
                .contains("GB/T 98764-2018", "\"verdict\":\"not-found\"");
        assertThat(mvc.get().uri(uri, project, draft2).with(user(f.people.principal(member))))
                .hasStatusOk()
                .bodyText()
                .contains("GB/T 98764-2018");
        assertThat(mvc.get().uri(uri, project, 999_999_999L).with(user(f.people.principal(member))))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/projects/{id}", project).with(user(f.people.principal(member))))
                .hasStatusOk()
                .bodyText()
                .contains("reference-table", "GB/T 98764-2018");
    }
}
