package org.stdhub.verification;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.Drafts;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.development.Stage;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.NewPerson;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.SystemActor;
import org.stdhub.verification.lab.LabProfile;
import org.stdhub.verification.lab.LabProfileRepository;

/**
 * On the embedded default ({@code stdhub.demo.enabled=true}) two demo labs with equipment (one instrument overdue for
 * calibration) and a finished verification task on the demo project in its comment period of the development demo
 * (alliance T/DEMO), whose findings sit in that project's comment table. Runs after the development demo (a lower
 * precedence); made once: a second start finds the demo labs and does nothing. Everything is marked demo.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class VerificationDemoData implements ApplicationRunner {

    static final String ENGINEER = "demo-lab-engineer";
    private static final Logger log = LoggerFactory.getLogger(VerificationDemoData.class);

    private final boolean enabled;
    private final LabProfileRepository profiles;
    private final Labs labs;
    private final VerificationTasks tasks;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Alliances alliances;
    private final Projects projects;
    private final Drafts drafts;
    private final TransactionTemplate tx;
    private final Clock clock;

    VerificationDemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            LabProfileRepository profiles,
            Labs labs,
            VerificationTasks tasks,
            Organizations organizations,
            Accounts accounts,
            Alliances alliances,
            Projects projects,
            Drafts drafts,
            TransactionTemplate tx,
            Clock clock) {
        this.enabled = enabled;
        this.profiles = profiles;
        this.labs = labs;
        this.tasks = tasks;
        this.organizations = organizations;
        this.accounts = accounts;
        this.alliances = alliances;
        this.projects = projects;
        this.drafts = drafts;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            create();
        }
    }

    /** Creates the demo labs and task unless they exist; returns whether it created them. */
    boolean create() {
        if (profiles.findAll().stream().anyMatch(LabProfile::isDemo)) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        long[] ids = SystemActor.run(
                "demo-data",
                () -> tx.execute(status -> {
                    long a = organizations
                            .createOrganization(
                                    OrganizationKind.LAB,
                                    "【演示】国家智能装备产品质量检验检测中心",
                                    "[Demo] National intelligent equipment quality inspection center",
                                    null,
                                    null)
                            .id();
                    long b = organizations
                            .createOrganization(
                                    OrganizationKind.LAB,
                                    "【演示】精密传动重点实验室",
                                    "[Demo] Precision transmission key laboratory",
                                    null,
                                    null)
                            .id();
                    var engineer = accounts.createPerson(new NewPerson(
                            ENGINEER, ENGINEER + "@demo.invalid", null, "演示验证工程师", "Demo lab engineer", null));
                    organizations.grantRole(engineer.personId(), a, Role.LAB_ENGINEER, null, null);
                    organizations.grantRole(engineer.personId(), b, Role.LAB_ENGINEER, null, null);
                    labs.saveChecked(
                            a,
                            new LabView.Profile(
                                    "25.040.30 J28 43.080",
                                    "CNAS L0001",
                                    "演示数据：工业机器人、新能源汽车零部件的性能与安全试验。Demo scope.",
                                    today.minusYears(2),
                                    today.plusYears(4),
                                    3),
                            true);
                    labs.saveChecked(
                            b,
                            new LabView.Profile(
                                    "21.200 J19",
                                    "CNAS L0002",
                                    "演示数据：齿轮与减速器精度检测。Demo scope.",
                                    today.minusYears(1),
                                    today.plusYears(5),
                                    2),
                            true);
                    labs.addEquipment(
                            a, new LabView.NewEquipment("热成像仪", "DEMO-TI400", "DEMO-A-001", today.plusMonths(8)));
                    labs.addEquipment(
                            a, new LabView.NewEquipment("温度数据采集仪", "DEMO-DAQ970", "DEMO-A-002", today.plusMonths(3)));
                    labs.addEquipment(
                            b, new LabView.NewEquipment("温度数据采集仪", "DEMO-DAQ34", "DEMO-B-001", today.plusMonths(5)));
                    labs.addEquipment(
                            b, new LabView.NewEquipment("齿轮测量中心", "DEMO-P26", "DEMO-B-002", today.minusDays(10)));
                    return new long[] {a, b};
                }));
        try {
            finishedTask(ids[0], ids[1], today);
        } catch (RuntimeException e) {
            // the demo task builds on the development demo; if that changed, the labs stay and the start goes on
            log.warn("demo verification task not made: {}", e.toString());
        }
        log.info("demo labs and verification task created (stdhub.demo.enabled)");
        return true;
    }

    /** A task on the demo project in its comment period, verified by both labs and reported. */
    private void finishedTask(long labA, long labB, LocalDate today) {
        AllianceView demo = alliances.all().stream()
                .filter(a -> a.demo() && "DEMO".equals(a.groupCode()))
                .findFirst()
                .orElse(null);
        if (demo == null) {
            return;
        }
        ProjectView project = projects.ofAlliance(demo.id()).stream()
                .filter(p -> Stage.COMMENT_PERIOD.code().equals(p.stage()))
                .findFirst()
                .orElse(null);
        if (project == null) {
            return;
        }
        demo(() -> drafts.uploadDemo(project.id(), "demo-comment-draft.pdf", draftPdf(), "演示数据：征求意见稿 demo"));
        TaskView opened = demo(() -> tasks.open(new TaskForms.NewTask(
                project.id(),
                null,
                "【演示】热管理系统 条款验证",
                "演示数据：两家实验室按草案第 5 章方法验证温升与温差要求。Demo plan.",
                today.plusDays(30),
                List.of(labA, labB),
                List.of(
                        new TaskForms.NewClause("5.2", "电池包最高温升不大于 15 K", "按 6.3 在 1C 放电下测温升", "温升 ≤ 15 K"),
                        new TaskForms.NewClause("5.3", "电池包内单体最大温差不大于 5 K", "按 6.4 测量各单体温度", "温差 ≤ 5 K")))));
        long clause1 = opened.clauses().get(0).id();
        long clause2 = opened.clauses().get(1).id();
        long eqA = labs.get(labA).equipment().stream()
                .filter(LabView.EquipmentView::usable)
                .findFirst()
                .orElseThrow()
                .id();
        long eqB = labs.get(labB).equipment().stream()
                .filter(LabView.EquipmentView::usable)
                .findFirst()
                .orElseThrow()
                .id();
        demo(() -> {
            tasks.transition(opened.id(), "START", "演示数据");
            tasks.record(opened.id(), clause1, record(labA, eqA, "12.4"), null);
            tasks.record(opened.id(), clause1, record(labB, eqB, "13.1"), null);
            tasks.decide(opened.id(), clause1, new TaskForms.Decision("CONFIRMED", null, labA));
            tasks.decide(
                    opened.id(),
                    clause2,
                    new TaskForms.Decision("NEEDS_CHANGE", "演示数据：试验方法未规定测点数量，建议在 6.4 中规定不少于 8 个测点。", labA));
            tasks.record(
                    opened.id(),
                    clause2,
                    new TaskForms.NewRecord(
                            labA,
                            "演示样品 DEMO-PACK-1",
                            "25 ℃，1C 放电",
                            eqA,
                            today,
                            "单体最大温差",
                            new BigDecimal("6.2"),
                            "K",
                            new BigDecimal("0.6"),
                            new BigDecimal("2")),
                    null);
            return tasks.transition(opened.id(), "REPORT", "演示数据");
        });
        demo(() -> tasks.transition(opened.id(), "CLOSE", "演示数据"));
    }

    private TaskForms.NewRecord record(long lab, long equipment, String value) {
        return new TaskForms.NewRecord(
                lab,
                "演示样品 DEMO-PACK-1",
                "25 ℃，1C 放电",
                equipment,
                LocalDate.now(clock),
                "最高温升",
                new BigDecimal(value),
                "K",
                new BigDecimal("0.5"),
                new BigDecimal("2"));
    }

    /** Runs one step as the demo data (the system), in its own transaction. */
    private <T> T demo(java.util.function.Supplier<T> work) {
        return SystemActor.run("demo-data", () -> tx.execute(status -> work.get()));
    }

    private static byte[] draftPdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(
                    "<html><body><p>Demo draft / demo data — battery pack thermal management.</p></body></html>", null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
