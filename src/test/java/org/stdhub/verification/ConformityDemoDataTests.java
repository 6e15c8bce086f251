package org.stdhub.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.talent.Draws;
import org.stdhub.verification.conformity.ConformityStore;
import org.stdhub.verification.evaluation.EvaluationStore;

/**
 * The demo data (off in tests, so switched on here by hand): a demo conformity report whose public verification
 * page works; loading twice adds nothing. The evaluation part needs the talent center's demo experts, which this
 * context lacks: it is skipped without failing the start.
 */
@IdentityTest
class ConformityDemoDataTests {

    @Autowired
    ConformityTests tests;

    @Autowired
    Evaluations evaluations;

    @Autowired
    ConformityStore conformityStore;

    @Autowired
    EvaluationStore evaluationStore;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    Draws draws;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Autowired
    StandardImporter importer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theDemoReportIsVerifiedPublicly() throws Exception {
        ConformityFixtures.importLines(
                importer,
                "verification-demo.jsonl",
                "{\"id_raw\":\"GB/T 19001-2016\",\"title_zh\":\"质量管理体系 要求\",\"status\":\"current\",\"source\":\"test:verification\"}");
        ConformityDemoData demo = new ConformityDemoData(
                true,
                "",
                tests,
                evaluations,
                conformityStore,
                evaluationStore,
                organizations,
                accounts,
                users,
                draws,
                tx,
                clock);
        demo.run(null);
        demo.run(null);
        String number = jdbc.queryForObject(
                "select max(report_number) from conformity_request where demo = true and state = 'REPORTED'",
                String.class);
        assertThat(number).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from conformity_request where demo = true", Integer.class))
                .isEqualTo(1);
        var page = mvc.get().uri("/test-reports/{n}", number).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(number, "演示数据", "GB/T 19001-2016");
    }
}
