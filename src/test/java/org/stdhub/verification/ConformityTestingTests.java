package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.stdhub.verification.ConformityFixtures.importLines;
import static org.stdhub.verification.ConformityFixtures.record;
import static org.stdhub.verification.ConformityFixtures.std;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.UserFacingException;
import org.stdhub.verification.conformity.ReportNumbers;

/**
 * Conformity testing end to end: the request (withdrawn standards refused with their replacement, outdated editions
 * warned), the lab's steps and results, the report's unique number and its public verification (page, API, PDF),
 * who may see and do what, and a withdrawal in the catalog flagging the report and alerting the enterprise.
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformityTestingTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ConformityTests tests;

    @Autowired
    Labs labs;

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
    long enterprise;
    long otherEnterprise;
    long lab;
    long otherLab;
    String buyer;
    String otherBuyer;
    String engineer;
    String otherEngineer;

    @BeforeAll
    void setUp() {
        fx = new ConformityFixtures(accounts, organizations, principals);
        enterprise = fx.people.organization(OrganizationKind.ENTERPRISE, "检测企业");
        otherEnterprise = fx.people.organization(OrganizationKind.ENTERPRISE, "另一企业");
        lab = fx.people.organization(OrganizationKind.LAB, "检测实验室");
        otherLab = fx.people.organization(OrganizationKind.LAB, "另一实验室");
        buyer = fx.people.person("cbuy", enterprise, Role.ENTERPRISE_USER);
        otherBuyer = fx.people.person("cbuz", otherEnterprise, Role.ENTERPRISE_USER);
        engineer = fx.people.person("ceng", lab, Role.LAB_ENGINEER);
        otherEngineer = fx.people.person("cenz", otherLab, Role.LAB_ENGINEER);
        importLines(
                importer,
                "verification-setup.jsonl",
                record(std(1, 2020), "current", null),
                record(std(2, 2015), "withdrawn", "\"replaced_by\":[\"" + std(2, 2024) + "\"]"),
                record(std(2, 2024), "current", "\"replaces\":[\"" + std(2, 2015) + "\"]"),
                record(std(3, 2018), "current", null),
                record(std(3, 2023), "current", null),
                record(std(4, 2019), "current", null));
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    private ConformityForms.NewRequest form(String... designations) {
        return new ConformityForms.NewRequest(
                enterprise,
                lab,
                "压力变送器",
                "3 台",
                LocalDate.now().plusDays(20),
                java.util.Arrays.stream(designations)
                        .map(d -> new ConformityForms.StandardClauses(
                                d,
                                List.of(
                                        new ConformityForms.Clause("5.1", "外观"),
                                        new ConformityForms.Clause("5.2", "耐压"))))
                        .toList());
    }

    /** A request by the buyer, taken through testing to its report by the engineer. */
    private ConformityTestView reported(String... designations) {
        fx.signIn(buyer);
        long id = tests.request(form(designations)).id();
        fx.signIn(engineer);
        tests.transition(id, ConformityTransition.ACCEPT, null);
        ConformityTestView testing = tests.transition(id, ConformityTransition.START, null);
        tests.record(
                id,
                testing.clauses().stream()
                        .map(c -> new ConformityForms.ClauseResult(c.id(), "12.5", "MPa", "PASS"))
                        .toList());
        ConformityTestView done = tests.issueReport(id, "所检条款均合格。");
        TestPeople.signOut();
        return done;
    }

    @Test
    void aReportGetsAUniqueNumberAndIsVerifiedPubliclyByIt() throws Exception {
        ConformityTestView done = reported(std(1, 2020));
        assertThat(done.state()).isEqualTo(ConformityState.REPORTED);
        assertThat(done.reportNumber()).matches("CTR-\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(ReportNumbers.wellFormed(done.reportNumber())).isTrue();
        ConformityTestView second = reported(std(1, 2020));
        assertThat(second.reportNumber()).isNotEqualTo(done.reportNumber());

        // anyone, without signing in: the page (with its QR code), the API and the PDF
        var page = mvc.get().uri("/test-reports/{n}", done.reportNumber()).exchange();
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains(done.reportNumber(), "压力变送器", "data:image/png;base64,", "id=\"report-status\"");
        var api = mvc.get()
                .uri("/api/v1/test-reports/{n}", done.reportNumber().toLowerCase())
                .exchange();
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.number").isEqualTo(done.reportNumber());
        assertThat(api).bodyJson().extractingPath("$.clauses.length()").isEqualTo(2);
        assertThat(api).bodyJson().extractingPath("$.standards[0].designation").isEqualTo(std(1, 2020));
        var pdf = mvc.get().uri("/test-reports/{n}/pdf", done.reportNumber()).exchange();
        assertThat(pdf).hasStatusOk();
        assertThat(new String(
                        pdf.getResponse().getContentAsByteArray(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");

        // a number nobody issued, and a malformed one: not found
        assertThat(mvc.get().uri("/api/v1/test-reports/CTR-2026-0000-0000").exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/test-reports/nonsense").exchange()).hasStatus(404);
        // the requests themselves are not public
        assertThat(mvc.get().uri("/api/v1/conformity-tests/{id}", done.id()).exchange())
                .hasStatus(401);
    }

    @Test
    void aWithdrawnStandardIsRefusedNamingItsReplacementAndAnOutdatedEditionIsWarned() {
        fx.signIn(buyer);
        assertThatThrownBy(() -> tests.request(form(std(2, 2015))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("verification.conformity.error.withdrawn");
                    assertThat(e.args()).containsExactly(std(2, 2015), std(2, 2024));
                });
        assertThatThrownBy(() -> tests.request(form("T/NOSUCH" + ConformityFixtures.CODE + " 9-2001")))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("verification.conformity.error.not-in-catalog"));
        ConformityTestView warned = tests.request(form(std(3, 2018)));
        assertThat(warned.standards().getFirst().warning()).isEqualTo("verification.conformity.warning.newer-edition");
        assertThat(warned.standards().getFirst().warningArg()).isEqualTo(std(3, 2023));
        // bad input: every rule says which field
        assertThatThrownBy(() -> tests.request(new ConformityForms.NewRequest(
                        enterprise, lab, " ", null, LocalDate.now().minusDays(1), List.of())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("product", "samples", "dueDate", "standards"));
        // an organization that is not a lab
        assertThatThrownBy(() -> tests.request(new ConformityForms.NewRequest(
                        enterprise,
                        otherEnterprise,
                        "p",
                        "s",
                        LocalDate.now().plusDays(3),
                        form(std(1, 2020)).standards())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("labId"));
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnRequestsAndALabOnlyThoseAddressedToIt() {
        fx.signIn(buyer);
        long id = tests.request(form(std(1, 2020))).id();
        assertThat(tests.visible()).extracting(ConformityTestView::id).contains(id);
        // the enterprise cannot act for the lab
        assertThatThrownBy(() -> tests.transition(id, ConformityTransition.ACCEPT, null))
                .isInstanceOf(NotPermittedException.class);

        fx.signIn(otherBuyer);
        assertThatThrownBy(() -> tests.get(id)).isInstanceOf(NotPermittedException.class);
        assertThat(tests.visible()).extracting(ConformityTestView::id).doesNotContain(id);
        // nor ask in another enterprise's name
        assertThatThrownBy(() -> tests.request(form(std(1, 2020)))).isInstanceOf(NotPermittedException.class);

        fx.signIn(otherEngineer);
        assertThatThrownBy(() -> tests.get(id)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> tests.transition(id, ConformityTransition.ACCEPT, null))
                .isInstanceOf(NotPermittedException.class);
        assertThat(tests.visible()).extracting(ConformityTestView::id).doesNotContain(id);

        fx.signIn(engineer);
        assertThat(tests.visible()).extracting(ConformityTestView::id).contains(id);
        // the state machine: no testing before acceptance, no report before testing, no report without results
        assertThatThrownBy(() -> tests.transition(id, ConformityTransition.START, null))
                .isInstanceOf(ConflictException.class);
        tests.transition(id, ConformityTransition.ACCEPT, null);
        assertThatThrownBy(() -> tests.issueReport(id, "结论")).isInstanceOf(ConflictException.class);
        tests.transition(id, ConformityTransition.START, null);
        assertThatThrownBy(() -> tests.issueReport(id, "结论")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tests.record(id, List.of(new ConformityForms.ClauseResult(-1L, "1", null, "MAYBE"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("clauseId", "verdict"));

        // over HTTP as well: a stranger gets 403 with the reason in the problem detail
        var denied = mvc.get()
                .uri("/api/v1/conformity-tests/{id}", id)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        fx.people.principal(otherBuyer)))
                .exchange();
        assertThat(denied).hasStatus(403);
        assertThat(denied).bodyJson().extractingPath("$.code").isEqualTo("verification.conformity.error.not-yours");
    }

    @Test
    void aWithdrawnStandardFlagsItsReportsAndAlertsTheEnterprise() throws Exception {
        ConformityTestView done = reported(std(4, 2019));
        assertThat(tests.report(done.reportNumber()).flagged()).isFalse();

        importLines(
                importer,
                "verification-withdrawal.jsonl",
                record(std(4, 2019), "withdrawn", "\"replaced_by\":[\"" + std(4, 2025) + "\"]"),
                record(std(4, 2025), "current", "\"replaces\":[\"" + std(4, 2019) + "\"]"));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> tests.report(done.reportNumber()).flagged());
        ConformityReportView report = tests.report(done.reportNumber());
        assertThat(report.standards().getFirst().flag()).isIn("WITHDRAWN", "REPLACED");
        assertThat(report.standards().getFirst().flagRelated()).isEqualTo(std(4, 2025));

        // the public page says so
        String html = mvc.get()
                .uri("/test-reports/{n}", done.reportNumber())
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"report-flagged\"", std(4, 2025));

        // the enterprise's request page shows a notice, and the requester got an e-mail
        fx.signIn(buyer);
        ConformityTestView seen = tests.get(done.id());
        assertThat(seen.notices()).isNotEmpty();
        assertThat(seen.notices().getFirst().designation()).isEqualTo(std(4, 2019));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> mail.getReceivedMessagesForDomain(buyer + "@example.com").length > 0);
        MimeMessage letter = mail.getReceivedMessagesForDomain(buyer + "@example.com")[0];
        assertThat(GreenMailUtil.getBody(letter)).isNotBlank();
        assertThat(letter.getSubject()).isNotBlank();
    }

    @Test
    void thePagesTakeARequestFromTheFormToTheLabsResults() throws Exception {
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        var asBuyer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                fx.people.principal(buyer));
        var asEngineer =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        fx.people.principal(engineer));
        var list = mvc.get().uri("/conformity-tests").with(asBuyer).exchange();
        assertThat(list).hasStatusOk();
        assertThat(list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("id=\"new-request\"");
        // a withdrawn standard: back to the form with the reason, naming the replacement
        var refused = mvc.post()
                .uri("/conformity-tests")
                .with(asBuyer)
                .with(csrf)
                .param("enterpriseId", String.valueOf(enterprise))
                .param("labId", String.valueOf(lab))
                .param("product", "表单产品")
                .param("samples", "2 件")
                .param("dueDate", LocalDate.now().plusDays(9).toString())
                .param("standards", std(2, 2015) + "\n  5.1 外观\n")
                .exchange();
        assertThat(refused).hasStatus3xxRedirection();
        assertThat(refused.getMvcResult().getFlashMap().get("problem").toString())
                .contains(std(2, 2024));
        var created = mvc.post()
                .uri("/conformity-tests")
                .with(asBuyer)
                .with(csrf)
                .param("enterpriseId", String.valueOf(enterprise))
                .param("labId", String.valueOf(lab))
                .param("product", "表单产品")
                .param("samples", "2 件")
                .param("dueDate", LocalDate.now().plusDays(9).toString())
                .param("standards", std(1, 2020) + "\n  5.1 外观\n  - 5.2 耐压\n")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/conformity-tests/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        fx.signIn(buyer);
        assertThat(tests.get(id).clauses())
                .extracting(ConformityTestView.ClauseLine::number)
                .containsExactly("5.1", "5.2");
        TestPeople.signOut();
        assertThat(mvc.post()
                        .uri("/conformity-tests/{id}/transition", id)
                        .with(asEngineer)
                        .with(csrf)
                        .param("transition", "ACCEPT")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.post()
                        .uri("/conformity-tests/{id}/transition", id)
                        .with(asEngineer)
                        .with(csrf)
                        .param("transition", "START")
                        .exchange())
                .hasStatus3xxRedirection();
        var page = mvc.get().uri("/conformity-tests/{id}", id).with(asEngineer).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("record-result", "表单产品");
        // the buyer's page has no lab forms; a stranger is refused
        var buyers = mvc.get().uri("/conformity-tests/{id}", id).with(asBuyer).exchange();
        assertThat(buyers.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("record-result");
        assertThat(
                        mvc.get()
                                .uri("/conformity-tests/{id}", id)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(fx.people.principal(otherEngineer)))
                                .exchange())
                .hasStatus(403);
    }

    @Test
    void theLabIsPickedFromTheDirectoryAndAnInstrumentWhoseCalibrationIsDueIsRefused() throws Exception {
        LocalDate today = LocalDate.now();
        long[] instruments = org.stdhub.platform.SystemActor.run("test", () -> {
            labs.saveProfile(
                    lab, new LabView.Profile("J28", "CNAS L7001", "压力仪表", today.minusYears(1), today.plusYears(1), 3));
            return new long[] {
                labs.addEquipment(
                                lab,
                                new LabView.NewEquipment(
                                        "压力校验仪", "P-1", "PC" + ConformityFixtures.RUN, today.plusYears(1)))
                        .id(),
                labs.addEquipment(
                                lab,
                                new LabView.NewEquipment(
                                        "耐压测试仪", "H-1", "HD" + ConformityFixtures.RUN, today.minusDays(1)))
                        .id()
            };
        });
        long usable = instruments[0];
        long overdue = instruments[1];
        var asBuyer = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                fx.people.principal(buyer));
        String form = mvc.get()
                .uri("/conformity-tests")
                .with(asBuyer)
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(form).contains("<select class=\"form-select\" id=\"labId\"", "value=\"" + lab + "\"");

        fx.signIn(buyer);
        long id = tests.request(form(std(1, 2020))).id();
        fx.signIn(engineer);
        tests.transition(id, ConformityTransition.ACCEPT, null);
        List<ConformityTestView.ClauseLine> clauses =
                tests.transition(id, ConformityTransition.START, null).clauses();
        long first = clauses.get(0).id();
        long second = clauses.get(1).id();
        // the due instrument refuses the whole batch: nothing is written
        assertThatThrownBy(() -> tests.record(
                        id,
                        List.of(
                                new ConformityForms.ClauseResult(first, "合格", null, "PASS", usable),
                                new ConformityForms.ClauseResult(second, "2.5", "MPa", "PASS", overdue))))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("verification.error.calibration-due"));
        assertThat(tests.get(id).clauses())
                .allSatisfy(c -> assertThat(c.verdict()).isNull());
        // an instrument that is not this lab's
        long foreign = org.stdhub.platform.SystemActor.run("test", () -> {
            labs.saveProfile(otherLab, new LabView.Profile("J28", null, null, null, null, 1));
            return labs.addEquipment(
                            otherLab,
                            new LabView.NewEquipment("卡尺", null, "KC" + ConformityFixtures.RUN, today.plusYears(1)))
                    .id();
        });
        assertThatThrownBy(() ->
                        tests.record(id, List.of(new ConformityForms.ClauseResult(first, "合格", null, "PASS", foreign))))
                .isInstanceOf(InvalidInputException.class);
        // the API takes the instrument too, and refuses the due one with a problem detail
        var asEngineer =
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        fx.people.principal(engineer));
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        assertThat(mvc.post()
                        .uri("/api/v1/conformity-tests/{id}/results", id)
                        .with(asEngineer)
                        .with(csrf)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("[{\"clauseId\":" + first
                                + ",\"measured\":\"合格\",\"verdict\":\"PASS\",\"equipmentId\":" + overdue + "}]")
                        .exchange())
                .hasStatus(409);
        assertThat(mvc.post()
                        .uri("/api/v1/conformity-tests/{id}/results", id)
                        .with(asEngineer)
                        .with(csrf)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("[{\"clauseId\":" + first
                                + ",\"measured\":\"合格\",\"verdict\":\"PASS\",\"equipmentId\":" + usable + "}]")
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("压力校验仪");
        fx.signIn(engineer);
        ConformityTestView recorded = tests.record(
                id,
                List.of(
                        new ConformityForms.ClauseResult(first, "合格", null, "PASS", null),
                        new ConformityForms.ClauseResult(second, "2.5", "MPa", "PASS", usable)));
        assertThat(recorded.clauses().get(0).equipment()).isNull();
        assertThat(recorded.clauses().get(1).equipment()).contains("压力校验仪", "PC" + ConformityFixtures.RUN);
        // the engineer's page offers the lab's instruments, the due one disabled
        var page = mvc.get()
                .uri("/conformity-tests/{id}", id)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        fx.people.principal(engineer)))
                .exchange();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("name=\"equipmentId\"", "value=\"" + usable + "\"", "压力校验仪");
        fx.signIn(engineer);
        ConformityTestView done = tests.issueReport(id, "合格。");
        TestPeople.signOut();
        assertThat(tests.report(done.reportNumber()).clauses().get(1).equipment())
                .contains("压力校验仪");
    }
}
