package org.stdhub.research;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.platform.ContentStore;
import org.stdhub.research.project.ResearchProjectStore;
import org.stdhub.research.report.ReportFiles;
import org.stdhub.research.report.ReportStore;

/**
 * Demo records of the research center, made only when {@code stdhub.demo.enabled} (and not for a command): one
 * active, published research project with milestones and one published report with a PDF file, each marked
 * 演示数据 / demo in its title. Made once.
 */
@Component
class ResearchDemoData implements ApplicationRunner {

    static final String MARK = "（演示数据 / demo）";
    static final String TOPIC = "基地主导产业国际标准采标差距研究" + MARK;
    static final String REPORT = "主导产业国际标准采标差距研究报告" + MARK;

    private static final Logger log = LoggerFactory.getLogger(ResearchDemoData.class);

    private final boolean enabled;
    private final ResearchProjectStore projects;
    private final ReportStore reports;
    private final ReportFiles files;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResearchDemoData(
            @Value("${stdhub.demo.enabled:false}") boolean enabled,
            @Value("${stdhub.command:}") String command,
            ResearchProjectStore projects,
            ReportStore reports,
            ReportFiles files,
            TransactionTemplate transactions,
            Clock clock) {
        this.enabled = enabled && command.isEmpty();
        this.projects = projects;
        this.reports = reports;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            create();
        }
    }

    /** Makes the demo records unless they exist; whether it made them. */
    boolean create() {
        boolean exists = projects.list(true, null, ResearchProjects.LIST_LIMIT).stream()
                .anyMatch(p -> p.topic().equals(TOPIC));
        if (exists) {
            return false;
        }
        transactions.executeWithoutResult(status -> load());
        log.info("research demo data loaded: 1 research project, 1 report");
        return true;
    }

    private void load() {
        Instant now = clock.instant();
        Instant started = now.minus(60, ChronoUnit.DAYS);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        long project = projects.insert(
                TOPIC,
                "梳理基地主导产业（智能装备、新材料）相关的国际标准，对照国家标准和行业标准的采标情况，找出尚未采用的国际标准和采标后已更新的国际标准。",
                "差距清单、采标建议和政策建议各一份。",
                0,
                started);
        projects.replaceParts(
                project,
                List.of(),
                List.of(
                        new ResearchProjectView.Milestone("国际标准清单梳理" + MARK, today.minusDays(30), MilestoneStatus.DONE),
                        new ResearchProjectView.Milestone(
                                "采标差距分析" + MARK, today.plusDays(30), MilestoneStatus.PLANNED)),
                List.of(),
                List.of());
        projects.move(project, ResearchProjectState.PROPOSED, ResearchProjectState.ACTIVE);
        projects.publish(project);
        long report = reports.insert(
                ReportKind.REPORT,
                REPORT,
                "本报告对照标准目录，统计基地主导产业相关领域国际标准的国内采标率，列出未采用的国际标准和采标漂移的标准，并提出采标优先顺序建议。演示数据。",
                List.of("采标", "国际标准", "演示"),
                project,
                0,
                "演示数据 / demo",
                started.plus(30, ChronoUnit.DAYS));
        ContentStore.Stored pdf = files.store(pdf(), Reports.MAX_BYTES);
        reports.addVersion(report, "demo-report.pdf", pdf.mediaType(), pdf.size(), pdf.sha256(), now);
        reports.publish(report, now);
    }

    /** A one-page PDF saying it is demo data. */
    private static byte[] pdf() {
        String content = "BT /F1 18 Tf 72 720 Td (StdHub demo report - demo data) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
