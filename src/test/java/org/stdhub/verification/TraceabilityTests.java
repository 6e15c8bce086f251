package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.stdhub.verification.ConformityFixtures.importLines;
import static org.stdhub.verification.ConformityFixtures.std;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.UriUtils;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotPermittedException;

/**
 * Traceability of a group standard's clauses: origins recorded by the base office (refused to others, a patent must
 * be declared on the project), conformity tests tallied per clause, clauses in the standard's order, and the API
 * under the catalog's path with the designation's slash encoded — beside, not instead of, the catalog's own detail.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceabilityTests {

    @Autowired
    Traceability traceability;

    @Autowired
    ConformityTests tests;

    @Autowired
    StandardImporter importer;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    MockMvcTester mvc;

    ConformityFixtures fx;
    String officer;
    String stranger;
    String buyer;
    String engineer;
    long enterprise;
    long lab;
    String standard;

    @BeforeAll
    void setUp() {
        fx = new ConformityFixtures(accounts, organizations, principals);
        officer = fx.people.person(
                "toff", fx.people.organization(OrganizationKind.BASE_OFFICE, "追溯办公室"), Role.BASE_OFFICER);
        enterprise = fx.people.organization(OrganizationKind.ENTERPRISE, "追溯企业");
        lab = fx.people.organization(OrganizationKind.LAB, "追溯实验室");
        stranger = fx.people.person("tstr", enterprise, Role.ENTERPRISE_USER);
        buyer = stranger;
        engineer = fx.people.person("teng", lab, Role.LAB_ENGINEER);
        standard = std(30, 2026);
        importLines(
                importer,
                "verification-trace.jsonl",
                "{\"id_raw\":\"" + standard + "\",\"title_zh\":\"追溯测试团体标准\",\"status\":\"current\","
                        + "\"source\":\"stdhub:development/project/987654321\"}");
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void eachClauseShowsItsOriginAndTheConformityTestsRunAgainstIt() throws Exception {
        // a conformity test reported against clauses 5.2 (pass) and 5.10 (fail)
        fx.signIn(buyer);
        long id = tests.request(new ConformityForms.NewRequest(
                        enterprise,
                        lab,
                        "追溯产品",
                        "1 台",
                        LocalDate.now().plusDays(5),
                        List.of(new ConformityForms.StandardClauses(
                                standard,
                                List.of(
                                        new ConformityForms.Clause("5.2", "耐压"),
                                        new ConformityForms.Clause("5.10", "标志"))))))
                .id();
        fx.signIn(engineer);
        tests.transition(id, ConformityTransition.ACCEPT, null);
        var testing = tests.transition(id, ConformityTransition.START, null);
        tests.record(
                id,
                testing.clauses().stream()
                        .map(c -> new ConformityForms.ClauseResult(
                                c.id(), "1", null, c.number().equals("5.2") ? "PASS" : "FAIL"))
                        .toList());
        tests.issueReport(id, "5.10 不合格。");

        // only the base office (or the project's secretariat) records where a clause came from
        fx.signIn(stranger);
        assertThat(traceability.of(standard).viewerMayRecord()).isFalse();
        assertThatThrownBy(() -> traceability.record(standard, new Traceability.OriginForm("5.1", null, "研究", null)))
                .isInstanceOf(NotPermittedException.class);
        fx.signIn(officer);
        assertThatThrownBy(() ->
                        traceability.record(standard, new Traceability.OriginForm("5.1", null, "研究", "CN000000001A")))
                .isInstanceOf(ConflictException.class);
        traceability.record(standard, new Traceability.OriginForm("5.2", "耐压 ≥ 10 MPa", "课题 2024-01 耐压试验研究", null));
        TraceabilityView view =
                traceability.record(standard, new Traceability.OriginForm("5.1", "外观", "课题 2024-02 外观缺陷分级", null));
        assertThat(view.projectId()).isEqualTo(987654321L);
        assertThat(view.groupStandard()).isTrue();
        assertThat(view.clauses())
                .extracting(TraceabilityView.ClauseTrace::clause)
                .containsExactly("5.1", "5.2", "5.10");
        assertThat(view.clauses().get(1).researchResult()).isEqualTo("课题 2024-01 耐压试验研究");
        assertThat(view.clauses().get(1).conformity()).isEqualTo(new TraceabilityView.ConformityTally(1, 1, 0));
        assertThat(view.clauses().get(2).conformity()).isEqualTo(new TraceabilityView.ConformityTally(1, 0, 1));
        assertThat(view.clauses().get(2).requirement()).isEqualTo("标志");
        TestPeople.signOut();

        // anyone reads it, by the designation encoded as one path segment
        String encoded = UriUtils.encodePathSegment(standard, StandardCharsets.UTF_8);
        var api =
                mvc.get().uri("/api/v1/standards/" + encoded + "/traceability").exchange();
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.designation").isEqualTo(standard);
        assertThat(api).bodyJson().extractingPath("$.clauses[0].clause").isEqualTo("5.1");
        assertThat(api)
                .bodyJson()
                .extractingPath("$.clauses[2].conformity.failed")
                .isEqualTo(1);
        // the catalog's own detail of the same standard is unaffected
        var detail = mvc.get().uri("/api/v1/standards/" + encoded).exchange();
        assertThat(detail).hasStatusOk();
        assertThat(detail).bodyJson().extractingPath("$.designation").isEqualTo(standard);
        // the catalog's page of the standard links here
        var catalogPage = mvc.get().uri("/standards/" + encoded).exchange();
        assertThat(catalogPage).hasStatusOk();
        assertThat(catalogPage.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"traceability-link\"");
        var page = mvc.get()
                .uri("/standards/traceability?designation={d}", standard)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("课题 2024-02 外观缺陷分级", "id=\"trace\"");
        // an unknown standard: 404; recording needs a signed-in person
        assertThat(mvc.get()
                        .uri("/api/v1/standards/T%2FNOPE%209-2001/traceability")
                        .exchange())
                .hasStatus(404);
        assertThat(mvc.post()
                        .uri("/api/v1/traceability/clauses")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"designation\":\"" + standard + "\",\"clause\":\"6\",\"researchResult\":\"x\"}")
                        .exchange())
                .hasStatus(401);
    }
}
