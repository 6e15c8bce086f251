package org.stdhub.consulting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.stdhub.consulting.ConsultingFixtures.importLines;
import static org.stdhub.consulting.ConsultingFixtures.record;
import static org.stdhub.consulting.ConsultingFixtures.std;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stdhub.CatalogTest;
import org.stdhub.TestPeople;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import org.stdhub.compliance.watch.Alert;
import org.stdhub.compliance.watch.AlertKind;
import org.stdhub.compliance.watch.Alerts;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;

/**
 * Self-declarations on the shipped catalog: the validity check at declaration time (withdrawn standards refused with
 * their replacement), versions, the public listing, who may declare and update, and watching — a declared standard
 * that a later import withdraws or replaces flags the declaration (idempotently) and alerts the enterprise on its
 * watchlist, until the declaration is updated.
 */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclarationTests {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    Declarations declarations;

    @Autowired
    DeclarationWatch watch;

    @Autowired
    FrontRunners frontRunners;

    @Autowired
    Alerts alerts;

    @Autowired
    StandardImporter importer;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    JdbcTemplate jdbc;

    ConsultingFixtures fx;
    long enterprise;
    long otherEnterprise;
    String user;
    String otherUser;

    @BeforeAll
    void setUp() {
        fx = new ConsultingFixtures(accounts, organizations, principals);
        enterprise = fx.enterprise("声明测试企业");
        otherEnterprise = fx.enterprise("另一家企业");
        user = fx.people.person("de", enterprise, Role.ENTERPRISE_USER);
        otherUser = fx.people.person("do", otherEnterprise, Role.ENTERPRISE_USER);
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    static DeclarationForm form(Long organizationId, String product, String... standards) {
        return new DeclarationForm(
                organizationId, product, null, null, List.of(standards), null, null, List.of(), List.of());
    }

    @Test
    void aWithdrawnStandardIsRefusedWithItsReplacementAndAnUnknownOneIsRefused() {
        fx.signIn(user);
        // GB/T 19001-2008 is withdrawn in the shipped catalog
        assertThatThrownBy(() -> declarations.declare(form(enterprise, "质量体系产品", "GB/T 19001-2008"), ZH))
                .isInstanceOf(DeclarationRefused.class)
                .extracting(e -> ((DeclarationRefused) e).messageKey())
                .asString()
                .startsWith("consulting.declaration.refused-withdrawn");
        assertThatThrownBy(() -> declarations.declare(form(enterprise, "未知", "GB/T 99999-2099"), ZH))
                .isInstanceOf(DeclarationRefused.class)
                .extracting(e -> ((DeclarationRefused) e).messageKey())
                .isEqualTo("consulting.declaration.refused-not-found");
        assertThatThrownBy(() -> declarations.declare(form(enterprise, " ", "GB/T 19001-2016"), ZH))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> declarations.declare(
                        new DeclarationForm(
                                enterprise, "坏的企业标准", null, null, List.of(), "ABC 001", null, List.of(), List.of()),
                        ZH))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).fieldErrors())
                .satisfies(errors -> assertThat(errors).containsKey("enterpriseStandard"));
    }

    @Test
    void anEnterpriseDeclaresOnlyForItselfAndEditsOnlyItsOwnDeclarations() {
        fx.signIn(user);
        DeclarationView mine =
                declarations.declare(form(enterprise, "我的产品" + ConsultingFixtures.RUN, "GB/T 19001-2016"), ZH);
        assertThat(mine.version()).isEqualTo(1);
        assertThat(mine.standards())
                .extracting(DeclarationView.Standard::verdict)
                .containsExactly("current");
        assertThat(declarations.mayEdit(mine.id())).isTrue();
        assertThatThrownBy(() -> declarations.declare(form(otherEnterprise, "冒名", "GB/T 19001-2016"), ZH))
                .isInstanceOf(NotPermittedException.class);

        fx.signIn(otherUser);
        assertThat(declarations.mayEdit(mine.id())).isFalse();
        assertThatThrownBy(() -> declarations.update(mine.id(), form(null, "改别人的", "GB/T 19001-2016"), ZH))
                .isInstanceOf(NotPermittedException.class);

        TestPeople.signOut();
        assertThatThrownBy(() -> declarations.declare(form(enterprise, "匿名", "GB/T 19001-2016"), ZH))
                .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        // the public listing needs nobody signed in
        assertThat(declarations.search(null, "我的产品" + ConsultingFixtures.RUN, null))
                .extracting(DeclarationView.Summary::id)
                .containsExactly(mine.id());
        assertThat(declarations.get(mine.id()).version()).isEqualTo(1);
    }

    @Test
    void aDeclaredStandardThatALaterImportWithdrawsIsFlaggedAndAlertedUntilTheDeclarationIsUpdated() {
        importLines(
                importer,
                "consulting-setup.jsonl",
                record(std(1, 2020), "current", null),
                record(std(2, 2020), "current", null));
        fx.signIn(user);
        String product = "被标示的产品" + ConsultingFixtures.RUN;
        DeclarationView declared = declarations.declare(form(enterprise, product, std(1, 2020), std(2, 2020)), ZH);
        assertThat(declared.flagged()).isFalse();

        // std 1 withdrawn and replaced by a new edition; std 2 replaced by another work
        ImportReport change = importLines(
                importer,
                "consulting-change.jsonl",
                record(std(1, 2020), "withdrawn", "\"replaced_by\":[\"" + std(1, 2026) + "\"]"),
                record(std(1, 2026), "current", "\"replaces\":[\"" + std(1, 2020) + "\"]"),
                record(std(3, 2026), "current", "\"replaces\":[\"" + std(2, 2020) + "\"]"));
        watch.flag(change.batchId());
        int again = watch.flag(change.batchId());
        assertThat(again).as("the same import handled again flags nothing").isZero();

        DeclarationView flagged = declarations.get(declared.id());
        assertThat(flagged.flags())
                .extracting(DeclarationView.Flag::kind, DeclarationView.Flag::standardDesignation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("WITHDRAWN", std(1, 2020)),
                        org.assertj.core.groups.Tuple.tuple("REPLACED", std(2, 2020)));
        assertThat(flagged.flags())
                .filteredOn(f -> f.standardDesignation().equals(std(2, 2020)))
                .extracting(DeclarationView.Flag::relatedDesignation)
                .containsExactly(std(3, 2026));
        assertThat(declarations.search(null, product, null))
                .singleElement()
                .satisfies(s -> assertThat(s.flagged()).isTrue());
        assertThat(declarations.search(null, null, std(1, 2020)))
                .extracting(DeclarationView.Summary::id)
                .contains(declared.id());

        // the enterprise's members are alerted on their organization's watchlist (compliance raises it after the
        // import, asynchronously)
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(user).stream()
                        .anyMatch(a -> a.kind() == AlertKind.WITHDRAWN
                                && a.standardDesignation().equals(std(1, 2020))));
        assertThat(alertsOf(user))
                .filteredOn(a -> a.watchlistName().equals(Declarations.WATCHLIST))
                .extracting(Alert::standardDesignation)
                .contains(std(1, 2020));
        assertThat(alertsOf(otherUser)).noneMatch(a -> a.standardDesignation().equals(std(1, 2020)));

        // the update declares the current edition: a new version without flags, the earlier one kept
        fx.signIn(user);
        DeclarationView updated =
                declarations.update(declared.id(), form(null, product, std(1, 2026), std(3, 2026)), ZH);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.flagged()).isFalse();
        assertThat(updated.versions())
                .extracting(DeclarationView.VersionEntry::number)
                .containsExactly(2, 1);
        assertThat(updated.versions().get(1).standards()).containsExactly(std(1, 2020), std(2, 2020));
        // a withdrawn standard cannot come back in an update
        assertThatThrownBy(() -> declarations.update(declared.id(), form(null, product, std(1, 2020)), ZH))
                .isInstanceOf(DeclarationRefused.class)
                .hasFieldOrPropertyWithValue("messageKey", "consulting.declaration.refused-withdrawn-replaced");
        assertThat(watch.flag(change.batchId()))
                .as("flags belong to the version they were raised on")
                .isZero();
    }

    private List<Alert> alertsOf(String login) {
        fx.signIn(login);
        try {
            return alerts.mine(ZH);
        } finally {
            TestPeople.signOut();
        }
    }

    @Test
    void frontRunnersOfAClassAreRankedPerIndicatorWithTiesAndDirections() {
        String cls = "比较类别" + ConsultingFixtures.RUN;
        fx.signIn(user);
        declarations.declare(withIndicators(enterprise, cls, "甲", "Q/CT 001-2026", "90", "1.5"), ZH);
        declarations.declare(withIndicators(enterprise, cls, "乙", "Q/CT 002-2026", "95", "1.5"), ZH);
        fx.signIn(otherUser);
        declarations.declare(withIndicators(otherEnterprise, cls, "丙", "Q/CT 003-2026", "95", "1.2"), ZH);

        List<FrontRunners.Ranking> rankings = frontRunners.compare(cls);
        assertThat(rankings).extracting(FrontRunners.Ranking::indicator).containsExactlyInAnyOrder("热效率", "待机功率");
        FrontRunners.Ranking efficiency = rankings.stream()
                .filter(r -> r.indicator().equals("热效率"))
                .findFirst()
                .orElseThrow();
        // higher is better: 95, 95 tie for first; 90 is third (1, 1, 3)
        assertThat(efficiency.entries()).extracting(FrontRunners.Entry::rank).containsExactly(1, 1, 3);
        assertThat(efficiency.entries()).extracting(FrontRunners.Entry::tied).containsExactly(true, true, false);
        assertThat(efficiency.frontRunners()).hasSize(2);
        FrontRunners.Ranking standby = rankings.stream()
                .filter(r -> r.indicator().equals("待机功率"))
                .findFirst()
                .orElseThrow();
        // lower is better: 1.2 first, then 1.5 and 1.5 tied second
        assertThat(standby.entries()).extracting(e -> e.value().toPlainString()).containsExactly("1.2", "1.5", "1.5");
        assertThat(standby.entries()).extracting(FrontRunners.Entry::rank).containsExactly(1, 2, 2);
        assertThat(standby.frontRunners())
                .singleElement()
                .extracting(FrontRunners.Entry::product)
                .isEqualTo("丙");
    }

    @Test
    void indicatorsNeedANumberADirectionAndTheirEnterpriseStandard() {
        fx.signIn(user);
        DeclarationForm noNumber = new DeclarationForm(
                enterprise,
                "坏指标",
                null,
                null,
                List.of(),
                "Q/CT 009-2026",
                null,
                List.of(new DeclarationForm.Indicator("热效率", "很高", "%", IndicatorDirection.HIGHER)),
                List.of());
        assertThatThrownBy(() -> declarations.declare(noNumber, ZH))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).fieldErrors())
                .satisfies(
                        errors -> assertThat(errors).containsEntry("indicators", "consulting.error.indicator-value"));
        DeclarationForm noDirection = new DeclarationForm(
                enterprise,
                "坏指标",
                null,
                null,
                List.of(),
                "Q/CT 009-2026",
                null,
                List.of(new DeclarationForm.Indicator("热效率", "90", "%", null)),
                List.of());
        assertThatThrownBy(() -> declarations.declare(noDirection, ZH))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).fieldErrors())
                .satisfies(errors ->
                        assertThat(errors).containsEntry("indicators", "consulting.error.indicator-direction"));
    }

    static DeclarationForm withIndicators(
            long organizationId, String cls, String product, String q, String efficiency, String standby) {
        return new DeclarationForm(
                organizationId,
                product,
                cls,
                null,
                List.of(),
                q,
                "测试企业标准",
                List.of(
                        new DeclarationForm.Indicator("热效率", efficiency, "%", IndicatorDirection.HIGHER),
                        new DeclarationForm.Indicator("待机功率", standby, "W", IndicatorDirection.LOWER)),
                List.of(new DeclarationForm.MandatoryIndicator(
                        "防触电保护", "符合要求", "GB 4706.1-2005", "GB 4706.1-2005 第8章")));
    }
}
