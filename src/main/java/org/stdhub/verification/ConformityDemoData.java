package org.stdhub.verification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.SystemActor;
import org.stdhub.talent.DrawForms;
import org.stdhub.talent.DrawPurpose;
import org.stdhub.talent.DrawView;
import org.stdhub.talent.Draws;
import org.stdhub.verification.conformity.ConformityStore;
import org.stdhub.verification.evaluation.EvaluationStore;

/**
 * Demo data of conformity testing and evaluations on the embedded default ({@code stdhub.demo.enabled}): a demo
 * enterprise asks a demo lab to test a product against GB/T 19001-2016 and the lab issues its report (its public
 * verification page works); the demo base officer evaluates GB/T 42061-2022 with a panel drawn from the talent
 * center's demo experts, up to the issued evaluation. Everything is marked 【演示】 and flagged demo. Runs after the
 * talent and development demo data (their experts), each part in its own transaction; a part that cannot be made
 * (no catalog, no experts) is skipped with a log line.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class ConformityDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConformityDemoData.class);
    static final String MARK = "【演示】";

    private final boolean enabled;
    private final ConformityTests tests;
    private final Evaluations evaluations;
    private final ConformityStore conformityStore;
    private final EvaluationStore evaluationStore;
    private final Organizations organizations;
    private final Accounts accounts;
    private final UserDetailsService users;
    private final Draws draws;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConformityDemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            @Value("${stdhub.command:}") String command,
            ConformityTests tests,
            Evaluations evaluations,
            ConformityStore conformityStore,
            EvaluationStore evaluationStore,
            Organizations organizations,
            Accounts accounts,
            UserDetailsService users,
            Draws draws,
            TransactionTemplate tx,
            Clock clock) {
        this.enabled = enabled && command.isEmpty();
        this.tests = tests;
        this.evaluations = evaluations;
        this.conformityStore = conformityStore;
        this.evaluationStore = evaluationStore;
        this.organizations = organizations;
        this.accounts = accounts;
        this.users = users;
        this.draws = draws;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            if (!conformityStore.anyDemo()) {
                tx.executeWithoutResult(status -> conformity());
            }
        } catch (RuntimeException e) {
            log.warn("conformity demo data skipped: {}", e.toString());
        }
        try {
            if (!evaluationStore.anyDemo()) {
                tx.executeWithoutResult(status -> evaluation());
            }
        } catch (RuntimeException e) {
            log.warn("evaluation demo data skipped: {}", e.toString());
        }
    }

    private void conformity() {
        long enterprise = SystemActor.run(
                "demo",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.ENTERPRISE,
                                MARK + "郑州精密仪表有限公司",
                                "[Demo] Zhengzhou Precision Instruments",
                                null,
                                null)
                        .id());
        long lab = SystemActor.run(
                "demo",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.LAB,
                                MARK + "河南省计量测试产业标准验证中心",
                                "[Demo] Henan metrology verification center",
                                null,
                                null)
                        .id());
        String buyer = person("demo-conformity-enterprise", MARK + "企业质量部", enterprise, Role.ENTERPRISE_USER);
        String engineer = person("demo-conformity-engineer", MARK + "检测工程师", lab, Role.LAB_ENGINEER);
        ConformityTestView request = as(
                buyer,
                () -> tests.request(
                        new ConformityForms.NewRequest(
                                enterprise,
                                lab,
                                MARK + "智能压力变送器 PT-300",
                                MARK + "3 台，编号 PT300-001 至 003，2026 年 11 月生产",
                                LocalDate.now(clock).plusDays(30),
                                List.of(new ConformityForms.StandardClauses(
                                        "GB/T 19001-2016",
                                        List.of(
                                                new ConformityForms.Clause("7.1.5", "监视和测量资源"),
                                                new ConformityForms.Clause("8.6", "产品和服务的放行"))))),
                        Actor.current(),
                        true));
        long id = request.id();
        as(engineer, () -> tests.transition(id, ConformityTransition.ACCEPT, null));
        as(engineer, () -> tests.transition(id, ConformityTransition.START, null));
        ConformityTestView testing = as(engineer, () -> tests.get(id));
        as(
                engineer,
                () -> tests.record(
                        id,
                        testing.clauses().stream()
                                .map(c -> new ConformityForms.ClauseResult(c.id(), "符合", null, "PASS"))
                                .toList()));
        ConformityTestView reported = as(engineer, () -> tests.issueReport(id, MARK + "所检条款均符合要求。", Actor.current()));
        log.info("conformity demo data: request #{} reported as {}", id, reported.reportNumber());
    }

    private void evaluation() {
        long office = SystemActor.run(
                "demo",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.BASE_OFFICE, MARK + "标准评价工作组", "[Demo] Evaluation office", null, null)
                        .id());
        String officer = person("demo-evaluation-officer", MARK + "评价负责人", office, Role.BASE_OFFICER);
        long enterprise = SystemActor.run(
                "demo",
                () -> organizations
                        .createOrganization(
                                OrganizationKind.ENTERPRISE,
                                MARK + "新乡医疗器械有限公司",
                                "[Demo] Xinxiang Medical Devices",
                                null,
                                null)
                        .id());
        String implementer = person("demo-evaluation-implementer", MARK + "实施企业代表", enterprise, Role.ENTERPRISE_USER);
        EvaluationView e = as(
                officer,
                () -> evaluations.create(new EvaluationForms.NewEvaluation("GB/T 42061-2022"), Actor.current(), true));
        long id = e.id();
        DrawView draw = as(
                officer,
                () -> draws.request(new DrawForms.NewDraw(
                        DrawPurpose.EVALUATION,
                        MARK + " GB/T 42061-2022 实施效果评价",
                        "25.040 29.020 35.240",
                        5,
                        0,
                        null,
                        List.of(enterprise),
                        List.of(),
                        List.of(),
                        List.of())));
        as(officer, () -> draws.commit(draw.id()));
        as(officer, () -> draws.draw(draw.id()));
        as(officer, () -> evaluations.linkPanel(id, new EvaluationForms.Panel(draw.id())));
        String src = MARK + "企业财务报表 2024—2025 年（按 GB/T 3533.3 收集）";
        as(officer, () -> {
            evaluations.setInput(id, new EvaluationForms.Input("K_z", new BigDecimal("100000"), src));
            evaluations.setInput(id, new EvaluationForms.Input("K_s", new BigDecimal("200000"), src));
            evaluations.setInput(id, new EvaluationForms.Input("C0", new BigDecimal("12.50"), src));
            evaluations.setInput(id, new EvaluationForms.Input("C1", new BigDecimal("11.00"), src));
            evaluations.setInput(id, new EvaluationForms.Input("Q1", new BigDecimal("400000"), src));
            evaluations.setInput(id, new EvaluationForms.Input("t", new BigDecimal("5"), MARK + "评价专家组确定"));
            evaluations.setInput(id, new EvaluationForms.Input("i", new BigDecimal("0.08"), MARK + "评价专家组确定"));
            evaluations.setInput(id, new EvaluationForms.Input("S", new BigDecimal("48000000"), src));
            evaluations.setInput(id, new EvaluationForms.Input("EBIT", new BigDecimal("4800000"), src));
            evaluations.addDriver(
                    id,
                    new EvaluationForms.Driver(
                            "生产",
                            "不合格品率",
                            new BigDecimal("900000"),
                            new BigDecimal("600000"),
                            BigDecimal.ZERO,
                            BigDecimal.ZERO,
                            BigDecimal.ZERO,
                            src));
            evaluations.addDriver(
                    id,
                    new EvaluationForms.Driver(
                            "销售",
                            "出口订单",
                            BigDecimal.ZERO,
                            BigDecimal.ZERO,
                            new BigDecimal("10000000"),
                            new BigDecimal("12000000"),
                            new BigDecimal("0.25"),
                            src));
            evaluations.startScoring(id);
            evaluations.addIndicator(
                    id, new EvaluationForms.Indicator("ISO 13485:2016", "质量管理体系要求条款覆盖", "全部条款", "全部条款", "EQUAL"));
            return null;
        });
        as(
                implementer,
                () -> evaluations.respond(
                        id, new EvaluationForms.Response(enterprise, 5, 4, 4, 5, MARK + "条款清晰，实施成本可接受。")));
        as(officer, () -> {
            evaluations.signOff(id, new EvaluationForms.SignOff(MARK + "该标准与 ISO 13485:2016 等同，经济效益显著，适用性良好。"));
            return evaluations.issue(id);
        });
        log.info("evaluation demo data: evaluation #{} of GB/T 42061-2022 issued (draw #{})", id, draw.id());
    }

    private String person(String login, String name, long organizationId, Role role) {
        return SystemActor.run("demo", () -> {
            var created =
                    accounts.createPerson(new NewPerson(login, login + "@demo.stdhub.local", null, name, null, null));
            organizations.grantRole(created.personId(), organizationId, role, null, null);
            return login;
        });
    }

    /** Runs {@code work} signed in as {@code login} (the demo's people act through the services' own rules). */
    private <T> T as(String login, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(login);
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
