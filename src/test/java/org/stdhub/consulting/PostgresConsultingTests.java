package org.stdhub.consulting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stdhub.consulting.ConsultingFixtures.importLines;
import static org.stdhub.consulting.ConsultingFixtures.record;
import static org.stdhub.consulting.ConsultingFixtures.std;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.PostgresTest;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;

/**
 * Consulting's SQL on PostgreSQL: a declaration flagged by a withdrawal (idempotently) and found on the listing, the
 * front-runner query, an enquiry routed, answered, rated and reminded, and a FAQ entry found by its words.
 */
@PostgresTest
class PostgresConsultingTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    Declarations declarations;

    @Autowired
    DeclarationWatch watch;

    @Autowired
    FrontRunners frontRunners;

    @Autowired
    Enquiries enquiries;

    @Autowired
    EnquiryRoutes routes;

    @Autowired
    EnquiryReminders reminders;

    @Autowired
    Faq faq;

    @Autowired
    StandardImporter importer;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void declarationsEnquiriesAndTheFaqOnPostgres() {
        ConsultingFixtures fx = new ConsultingFixtures(accounts, organizations, principals);
        long enterprise = fx.enterprise("库测试企业");
        String user = fx.people.person("pg", enterprise, Role.ENTERPRISE_USER);
        String officer = fx.officer();
        String expert = fx.people.person("pe");
        importLines(importer, "consulting-pg-setup.jsonl", record(std(20, 2020), "current", null));

        fx.signIn(user);
        String cls = "库类别" + ConsultingFixtures.RUN;
        DeclarationView d = declarations.declare(
                new DeclarationForm(
                        enterprise,
                        "库产品" + ConsultingFixtures.RUN,
                        cls,
                        null,
                        List.of(std(20, 2020)),
                        "Q/PG 001-2026",
                        null,
                        List.of(new DeclarationForm.Indicator("效率", "88.5", "%", IndicatorDirection.HIGHER)),
                        List.of(new DeclarationForm.MandatoryIndicator("安全", "符合", "GB 4706.1-2005", "第8章"))),
                ZH);
        TestPeople.signOut();
        ImportReport withdrawal = importLines(
                importer,
                "consulting-pg-withdrawal.jsonl",
                record(std(20, 2020), "withdrawn", "\"replaced_by\":[\"" + std(20, 2026) + "\"]"),
                record(std(20, 2026), "current", "\"replaces\":[\"" + std(20, 2020) + "\"]"));
        watch.flag(withdrawal.batchId());
        assertThat(watch.flag(withdrawal.batchId())).isZero();
        assertThat(declarations.get(d.id()).flags())
                .singleElement()
                .satisfies(f -> assertThat(f.relatedDesignation()).isEqualTo(std(20, 2026)));
        assertThat(declarations.search("库测试企业", "库产品", std(20, 2020)))
                .singleElement()
                .satisfies(s -> assertThat(s.flagged()).isTrue());
        assertThat(frontRunners.compare(cls))
                .singleElement()
                .satisfies(r -> assertThat(r.entries())
                        .singleElement()
                        .satisfies(e -> assertThat(e.rank()).isEqualTo(1)));

        fx.signIn(officer);
        routes.put("CCS", "Y", fx.people.personId(expert));
        fx.signIn(user);
        EnquiryView e = enquiries.ask(new EnquiryForm(enterprise, "库咨询", "问题", "CCS", "Y62"), List.of());
        assertThat(e.assigneePersonId()).isEqualTo(fx.people.personId(expert));
        assertThat(enquiries.visible(EnquiryState.ASSIGNED))
                .extracting(EnquiryView::id)
                .contains(e.id());
        reminders.remind();
        fx.signIn(expert);
        enquiries.answer(e.id(), "答复", List.of(), ZH);
        fx.signIn(user);
        assertThat(enquiries.rate(e.id(), 5, null).rating()).isEqualTo(5);
        fx.signIn(officer);
        String word = "库词" + ConsultingFixtures.RUN;
        FaqEntry entry = faq.publish(e.id(), new FaqForm("问题 " + word, "答复", null, null));
        assertThat(faq.search(word)).extracting(FaqEntry::id).containsExactly(entry.id());
    }
}
