package org.stdhub.programme;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.SystemActor;

/**
 * Demo data of base management on the embedded default ({@code stdhub.demo.enabled}): four building units (marked
 * {@value #MARK}) with a contract each for the platform and the centers (one in force with an accepted task and a
 * payable tranche, one with a reported task), this year's targets by quarter, and two published bulletins. Loaded
 * once.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class ProgrammeDemoData implements ApplicationRunner {

    static final String MARK = "[演示/demo]";
    private static final Logger log = LoggerFactory.getLogger(ProgrammeDemoData.class);

    private final boolean enabled;
    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Contracts contracts;
    private final Indicators indicators;
    private final Bulletins bulletins;
    private final Evaluations evaluations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProgrammeDemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            @Value("${stdhub.command:}") String command,
            JdbcClient jdbc,
            Organizations organizations,
            Contracts contracts,
            Indicators indicators,
            Bulletins bulletins,
            Evaluations evaluations,
            TransactionTemplate transactions,
            Clock clock) {
        this.enabled = enabled && command.isEmpty();
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.contracts = contracts;
        this.indicators = indicators;
        this.bulletins = bulletins;
        this.evaluations = evaluations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            load();
        }
    }

    /** Loads the demo data unless it is there; true when it loaded. Runs as the system actor "demo". */
    boolean load() {
        return SystemActor.run(
                "demo",
                () -> Boolean.TRUE.equals(transactions.execute(status -> {
                    if (jdbc.sql("select count(*) from programme_contract where demo")
                                    .query(Integer.class)
                                    .single()
                            > 0) {
                        return false;
                    }
                    loadAll();
                    return true;
                })));
    }

    private void loadAll() {
        int year = LocalDate.now(clock).getYear();
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year + 1, 12, 31);
        record Unit(String name, Center center, Indicator indicator) {}
        List<Unit> units = List.of(
                new Unit(MARK + " 河南省标准化研究院（平台建设）", Center.PLATFORM, Indicator.ENTERPRISES_SERVED),
                new Unit(MARK + " 郑州标准创新中心有限公司", Center.INNOVATION, Indicator.GROUP_STANDARDS_PUBLISHED),
                new Unit(MARK + " 河南省计量测试研究院（验证中心）", Center.VERIFICATION, Indicator.VERIFICATIONS_DONE),
                new Unit(MARK + " 郑州大学标准化学院（人才中心）", Center.TALENT, Indicator.PEOPLE_CERTIFIED));
        int n = 0;
        Long firstContract = null;
        for (Unit u : units) {
            n++;
            OrganizationView org =
                    organizations.createOrganization(OrganizationKind.ENTERPRISE, u.name(), null, null, null);
            long id = contracts.insert(
                    MARK + " " + u.center().name() + " 建设合同 " + year + "–" + (year + 1),
                    org,
                    new ContractForms.NewContract(null, org.id(), u.center(), start, end, new BigDecimal("2000000.00")),
                    true);
            if (firstContract == null) {
                firstContract = id;
            }
            contracts.addTask(
                    id, new ContractForms.NewTask(MARK + " 年度建设方案", "建设方案及评审意见", null, null, start.plusMonths(2)));
            contracts.addTask(
                    id,
                    new ContractForms.NewTask(
                            MARK + " 年度指标任务", "年度工作报告", u.indicator(), 20, LocalDate.of(year, 12, 31)));
            List<Long> tasks = jdbc.sql("select id from programme_task where contract_id = ? order by id")
                    .param(id)
                    .query(Long.class)
                    .list();
            contracts.addTranche(
                    id,
                    new ContractForms.NewTranche(
                            "首期启动资金",
                            new BigDecimal("600000.00"),
                            start,
                            AmountRule.FULL,
                            null,
                            null,
                            null,
                            null,
                            List.of(tasks.getFirst())));
            contracts.addTranche(
                    id,
                    new ContractForms.NewTranche(
                            "年度绩效资金",
                            new BigDecimal("1000000.00"),
                            LocalDate.of(year, 12, 31),
                            AmountRule.SCALED,
                            new BigDecimal("0.5"),
                            BigDecimal.ONE,
                            u.indicator(),
                            20,
                            List.of(tasks.get(1))));
            contracts.transition(id, new ContractForms.Transition(ContractTransition.SIGN, null));
            if (n <= 3) {
                contracts.transition(id, new ContractForms.Transition(ContractTransition.ENACT, null));
            }
            if (n <= 2) {
                jdbc.sql(
                                "update programme_task set state = 'ACCEPTED', progress = 100, report = ?, reported_by = 'demo', decided_by = 'demo'"
                                        + " where id = ?")
                        .params(MARK + " 建设方案已通过专家评审", tasks.getFirst())
                        .update();
            }
            for (Indicator i : Indicator.values()) {
                if (i.center() == u.center()) {
                    indicators.setTarget(new IndicatorForms.Target(year, u.center(), null, i, 3, 5, 6, 6), true);
                }
            }
        }
        indicators.setTarget(
                new IndicatorForms.Target(year, Center.RESEARCH, null, Indicator.RESEARCH_OUTPUTS, 1, 1, 2, 2), true);
        for (int quarter = 0; quarter < 2; quarter++) {
            LocalDate from = start.plusMonths(3L * quarter);
            BulletinView b =
                    bulletins.draft(new Bulletins.Draft(from, from.plusMonths(3).minusDays(1)), true);
            bulletins.edit(b.id(), new Bulletins.Edit(MARK + " " + b.title(), b.body()));
            bulletins.approve(b.id());
            bulletins.publish(b.id());
        }
        evaluations.loadDemo(firstContract, MARK + " " + (year - 1) + " 年度", LocalDate.of(year, 1, 15));
        log.info("Programme demo data: {} contracts and {} targets", units.size(), Indicator.values().length);
    }
}
