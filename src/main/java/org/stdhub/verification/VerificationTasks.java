package org.stdhub.verification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.CommentEntry;
import org.stdhub.development.CommentType;
import org.stdhub.development.Comments;
import org.stdhub.development.DraftView;
import org.stdhub.development.Drafts;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.verification.task.EvidenceFiles;
import org.stdhub.verification.task.TaskClause;
import org.stdhub.verification.task.TaskClauseRepository;
import org.stdhub.verification.task.TaskState;
import org.stdhub.verification.task.TaskTransitions;
import org.stdhub.verification.task.TestRecord;
import org.stdhub.verification.task.TestRecordRepository;
import org.stdhub.verification.task.Verdict;
import org.stdhub.verification.task.VerificationPolicy;
import org.stdhub.verification.task.VerificationPolicyRepository;
import org.stdhub.verification.task.VerificationTask;
import org.stdhub.verification.task.VerificationTaskRepository;

/**
 * Verification tasks on a draft version of a development project. The project's alliance secretariat (or the base
 * office) opens a task with the clauses to verify and the labs; the labs' engineers start it, record tests per clause
 * (an instrument whose calibration is due, or a lab whose accreditation has expired, is refused), give each clause a
 * verdict and report. At the report the verdicts go back to the project's comment table (for the drafting group to
 * dispose), the report PDF is stored and {@link VerificationCompleted} is published; the secretariat closes the task.
 * Every change is one transaction with its audit record. A lab sees only the tasks it is assigned to.
 */
@Service
@Transactional
public class VerificationTasks {

    static final String AUDIT_TYPE = "verification-task";
    static final int MAX_TEXT = 4000;

    private final VerificationTaskRepository tasks;
    private final TaskClauseRepository clauses;
    private final TestRecordRepository records;
    private final VerificationPolicyRepository policies;
    private final EvidenceFiles files;
    private final Labs labs;
    private final Projects projects;
    private final Alliances alliances;
    private final Drafts drafts;
    private final Comments comments;
    private final VerificationReport report;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VerificationTasks(
            VerificationTaskRepository tasks,
            TaskClauseRepository clauses,
            TestRecordRepository records,
            VerificationPolicyRepository policies,
            EvidenceFiles files,
            Labs labs,
            Projects projects,
            Alliances alliances,
            Drafts drafts,
            Comments comments,
            VerificationReport report,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.clauses = clauses;
        this.records = records;
        this.policies = policies;
        this.files = files;
        this.labs = labs;
        this.projects = projects;
        this.alliances = alliances;
        this.drafts = drafts;
        this.comments = comments;
        this.report = report;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ opening

    @PreAuthorize("isAuthenticated()")
    public TaskView open(TaskForms.NewTask form) {
        if (form == null || form.projectId() == null) {
            throw new InvalidInputException(Map.of("projectId", "verification.error.project"));
        }
        ProjectView project = projects.get(form.projectId());
        AllianceView alliance = alliances.get(project.allianceId());
        Caller me = Caller.current();
        if (!me.office() && !me.secretaryOf(alliance.organizationId())) {
            throw new NotPermittedException("verification.error.not-opener", alliance.nameZh());
        }
        return openChecked(form, project, me, false);
    }

    TaskView openChecked(TaskForms.NewTask form, ProjectView project, Caller me, boolean demo) {
        if (project.nextTransitions().isEmpty()) {
            throw new ConflictException("verification.error.project-ended", project.stage());
        }
        List<DraftView> versions = drafts.of(project.id());
        if (versions.isEmpty()) {
            throw new ConflictException("verification.error.no-draft");
        }
        DraftView draft = form.draftId() == null
                ? versions.getLast()
                : versions.stream()
                        .filter(d -> d.id() == form.draftId())
                        .findFirst()
                        .orElseThrow(() -> new InvalidInputException(Map.of("draftId", "verification.error.draft")));
        var errors = new InvalidInputException.Collector();
        errors.check(text(form.title(), 300), "title", "verification.error.title");
        errors.check(text(form.plan(), MAX_TEXT), "plan", "verification.error.plan");
        errors.check(
                form.dueDate() != null && !form.dueDate().isBefore(LocalDate.now(clock)),
                "dueDate",
                "verification.error.due-date");
        Set<Long> labIds = form.labIds() == null ? Set.of() : new LinkedHashSet<>(form.labIds());
        labIds.remove(null);
        errors.check(!labIds.isEmpty() && labIds.size() <= 20, "labIds", "verification.error.labs");
        List<TaskForms.NewClause> cs = form.clauses() == null
                ? List.of()
                : form.clauses().stream()
                        .filter(c -> c != null && !(blank(c.clauseNo()) && blank(c.requirement())))
                        .toList();
        errors.check(!cs.isEmpty() && cs.size() <= 200, "clauses", "verification.error.clauses");
        Set<String> numbers = new HashSet<>();
        for (TaskForms.NewClause c : cs) {
            boolean ok = text(c.clauseNo(), 40)
                    && text(c.requirement(), MAX_TEXT)
                    && text(c.testMethod(), MAX_TEXT)
                    && text(c.acceptance(), 2000)
                    && numbers.add(c.clauseNo().strip());
            errors.check(ok, "clauses", "verification.error.clause");
        }
        errors.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        for (long labId : labIds) {
            LabView lab = labs.get(labId);
            if (!lab.accreditationValid() && !demo) {
                throw new ConflictException("verification.error.lab-not-accredited", lab.nameZh());
            }
        }
        VerificationTask t = tasks.save(new VerificationTask(
                project.id(),
                project.allianceId(),
                draft.id(),
                draft.version(),
                form.title().strip(),
                form.plan().strip(),
                form.dueDate(),
                labIds,
                me.personId(),
                clock.instant(),
                demo || project.demo()));
        for (TaskForms.NewClause c : cs) {
            clauses.save(new TaskClause(
                    t.getId(),
                    c.clauseNo().strip(),
                    c.requirement().strip(),
                    c.testMethod().strip(),
                    c.acceptance().strip()));
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, t.getId(), "opened")
                .withChange("project", null, project.id())
                .withChange("draft", null, "v" + draft.version())
                .withChange("labs", null, labIds)
                .withChange("clauses", null, cs.size())
                .withChange("state", null, t.getState()));
        return view(t, me, today);
    }

    /** A project the caller may open a task on, for the form. */
    public record ProjectChoice(long id, String label) {}

    /** Projects with a draft that the caller may open a task on (their alliances' or, for the base office, all). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ProjectChoice> openable() {
        Caller me = Caller.current();
        List<ProjectChoice> out = new ArrayList<>();
        for (AllianceView a : alliances.all()) {
            if (!me.office() && !me.secretaryOf(a.organizationId())) {
                continue;
            }
            for (ProjectView p : projects.ofAlliance(a.id())) {
                if (!p.nextTransitions().isEmpty() && !drafts.of(p.id()).isEmpty()) {
                    out.add(new ProjectChoice(p.id(), a.prefix() + " · " + p.stage() + " · " + p.titleZh()));
                }
            }
        }
        return out;
    }

    /** An alliance whose verification rule the caller may set, with the rule now. */
    public record PolicyChoice(long allianceId, String label, boolean reportRequiredForReview) {}

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<PolicyChoice> policies() {
        Caller me = Caller.current();
        return alliances.all().stream()
                .filter(a -> me.office() || me.secretaryOf(a.organizationId()))
                .map(a -> new PolicyChoice(a.id(), a.prefix() + " " + a.nameZh(), reportRequiredForReview(a.id())))
                .toList();
    }

    // ------------------------------------------------------------------ reading

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TaskView> list() {
        Caller me = Caller.current();
        LocalDate today = LocalDate.now(clock);
        Map<Long, Long> orgOfAlliance = new LinkedHashMap<>();
        return tasks.findAllByOrderByIdDesc().stream()
                .filter(t -> maySee(t, me, orgOfAlliance))
                .map(t -> view(t, me, today))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TaskView get(long id) {
        VerificationTask t = task(id);
        Caller me = Caller.current();
        requireVisible(t, me);
        return view(t, me, LocalDate.now(clock));
    }

    /** Tasks on a project that the caller may see. */
    @Transactional(readOnly = true)
    public List<TaskView> ofProject(long projectId) {
        Caller me = Caller.current();
        LocalDate today = LocalDate.now(clock);
        Map<Long, Long> orgs = new LinkedHashMap<>();
        return tasks.findByProjectIdOrderByIdAsc(projectId).stream()
                .filter(t -> maySee(t, me, orgs))
                .map(t -> view(t, me, today))
                .toList();
    }

    /** The report PDF of a reported task. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] reportPdf(long id) {
        VerificationTask t = task(id);
        requireVisible(t, Caller.current());
        if (t.getReportSha256() == null) {
            throw new NotFoundException("verification.error.no-report", id);
        }
        return files.read(t.getReportSha256());
    }

    /** A record's raw data file: its name and bytes. */
    public record RawFile(String fileName, byte[] content) {}

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public RawFile rawData(long taskId, long recordId) {
        VerificationTask t = task(taskId);
        requireVisible(t, Caller.current());
        TestRecord r = records.findById(recordId)
                .filter(x -> clauses.findById(x.getClauseId())
                        .map(c -> c.getTaskId() == taskId)
                        .orElse(false))
                .filter(x -> x.getRawSha256() != null)
                .orElseThrow(() -> new NotFoundException("verification.error.record-not-found", recordId));
        return new RawFile(r.getRawFileName(), files.read(r.getRawSha256()));
    }

    // ------------------------------------------------------------------ lab work

    /** A lab engineer records a test of a clause. */
    @PreAuthorize("isAuthenticated()")
    public TaskView record(long taskId, long clauseId, TaskForms.NewRecord form, TaskForms.RawData raw) {
        VerificationTask t = task(taskId);
        Caller me = Caller.current();
        long labId = labOf(t, me, form == null ? null : form.labId());
        requireState(t, TaskState.IN_PROGRESS);
        TaskClause clause = clause(t, clauseId);
        var errors = new InvalidInputException.Collector();
        errors.check(form != null && text(form.samples(), 1000), "samples", "verification.error.samples");
        errors.check(form != null && text(form.conditions(), 1000), "conditions", "verification.error.conditions");
        errors.check(form != null && form.equipmentId() != null, "equipmentId", "verification.error.equipment");
        errors.check(form != null && text(form.quantity(), 200), "quantity", "verification.error.quantity");
        errors.check(form != null && form.measuredValue() != null, "measuredValue", "verification.error.value");
        errors.check(form != null && text(form.unit(), 40), "unit", "verification.error.unit");
        if (form != null) {
            errors.check(
                    form.expandedUncertainty() == null
                            || form.expandedUncertainty().signum() >= 0,
                    "expandedUncertainty",
                    "verification.error.uncertainty");
            errors.check(
                    form.coverageFactor() == null
                            || (form.coverageFactor().compareTo(BigDecimal.ONE) >= 0
                                    && form.coverageFactor().compareTo(BigDecimal.TEN) <= 0),
                    "coverageFactor",
                    "verification.error.coverage");
            errors.check(
                    form.measuredValue() == null || form.measuredValue().abs().compareTo(new BigDecimal("1e19")) < 0,
                    "measuredValue",
                    "verification.error.value");
            errors.check(
                    form.testedOn() == null || !form.testedOn().isAfter(LocalDate.now(clock)),
                    "testedOn",
                    "verification.error.tested-on");
        }
        errors.throwIfAny();
        LocalDate day = form.testedOn() == null ? LocalDate.now(clock) : form.testedOn();
        labs.requireUsable(labId, form.equipmentId(), day);
        TestRecord r = new TestRecord(
                clause.getId(),
                labId,
                form.samples().strip(),
                form.conditions().strip(),
                form.equipmentId(),
                form.quantity().strip(),
                form.measuredValue(),
                form.unit().strip(),
                form.expandedUncertainty(),
                form.coverageFactor(),
                me.personId(),
                clock.instant());
        if (raw != null && raw.content() != null && raw.content().length > 0) {
            String sha = files.store(raw.content());
            r.attachRawData(safeName(raw.fileName()), sha, raw.content().length);
        }
        records.save(r);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, t.getId(), "test-recorded")
                .withChange(
                        "clause " + clause.getClauseNo(),
                        null,
                        r.getQuantity() + " = " + r.getMeasuredValue().toPlainString() + " " + r.getUnit()
                                + (r.getExpandedUncertainty() == null
                                        ? ""
                                        : " ± " + r.getExpandedUncertainty().toPlainString())
                                + (r.getRawSha256() == null ? "" : " sha256:" + r.getRawSha256())));
        return view(t, me, LocalDate.now(clock));
    }

    /** A lab engineer gives a clause its verdict and recommendation. */
    @PreAuthorize("isAuthenticated()")
    public TaskView decide(long taskId, long clauseId, TaskForms.Decision form) {
        VerificationTask t = task(taskId);
        Caller me = Caller.current();
        long labId = labOf(t, me, form == null ? null : form.labId());
        requireState(t, TaskState.IN_PROGRESS);
        TaskClause clause = clause(t, clauseId);
        Verdict verdict = parseVerdict(form == null ? null : form.verdict());
        String rec =
                form.recommendation() == null ? null : form.recommendation().strip();
        var errors = new InvalidInputException.Collector();
        errors.check(
                rec == null
                        || (rec.length() <= MAX_TEXT && !ControlCharacters.present(rec.replaceAll("[\\r\\n\\t]", ""))),
                "recommendation",
                "verification.error.recommendation");
        errors.check(
                verdict == Verdict.CONFIRMED || (rec != null && !rec.isEmpty()),
                "recommendation",
                "verification.error.recommendation-required");
        errors.throwIfAny();
        Verdict before = clause.getVerdict();
        clause.decide(verdict, rec == null || rec.isEmpty() ? null : rec, labId, me.personId(), clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, t.getId(), "verdict")
                .withChange("clause " + clause.getClauseNo(), before, verdict)
                .withComment(rec));
        return view(t, me, LocalDate.now(clock));
    }

    // ------------------------------------------------------------------ state machine

    @PreAuthorize("isAuthenticated()")
    public TaskView transition(long taskId, String name, String comment) {
        VerificationTask t = task(taskId);
        Caller me = Caller.current();
        TaskTransitions.Transition tr = TaskTransitions.named(name)
                .orElseThrow(() -> new InvalidInputException(Map.of("transition", "verification.error.transition")));
        if (!parties(t, me).contains(tr.party())) {
            throw new NotPermittedException("verification.error.not-party", tr.name());
        }
        if (!tr.from().contains(t.getState())) {
            throw new ConflictException("verification.error.wrong-state", tr.name(), t.getState());
        }
        for (TaskTransitions.Need need : tr.needs()) {
            if (!met(need, t)) {
                throw new ConflictException(need.messageKey(), tr.name());
            }
        }
        if (comment != null && comment.strip().length() > 2000) {
            throw new InvalidInputException(Map.of("comment", "verification.error.comment"));
        }
        TaskState from = t.getState();
        t.moveTo(tr.to(), clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, t.getId(), "state-changed")
                .withChange("state", from, tr.to())
                .withChange("transition", null, tr.name())
                .withComment(comment == null || comment.isBlank() ? null : comment.strip()));
        if (tr.to() == TaskState.REPORTED) {
            completed(t, me);
        }
        return view(t, me, LocalDate.now(clock));
    }

    /** At the report: findings into the project's comment table, the report PDF stored, the event published. */
    private void completed(VerificationTask t, Caller me) {
        LocalDate today = LocalDate.now(clock);
        TaskView v = view(t, me, today);
        String source = "验证任务 #" + t.getId() + " " + v.title();
        List<CommentEntry> findings = new ArrayList<>();
        String labsNames =
                String.join("、", v.labs().stream().map(TaskView.Lab::name).toList());
        String memberBody = cut("验证中心 Verification: " + labsNames, 200);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskView.Clause c : v.clauses()) {
            counts.merge(c.verdict(), 1, Integer::sum);
            findings.add(new CommentEntry(
                    memberBody,
                    null,
                    cut(c.clauseNo(), 100),
                    cut("验证任务 Verification #" + t.getId(), 100),
                    "CONFIRMED".equals(c.verdict()) ? CommentType.GENERAL : CommentType.TECHNICAL,
                    cut(findingText(c), 8000),
                    c.recommendation() == null ? null : cut(c.recommendation(), 8000)));
        }
        comments.recordVerificationFindings(t.getProjectId(), source, findings);
        byte[] pdf = report.render(v);
        String sha = files.store(pdf);
        t.attachReport(sha);
        events.publishEvent(
                StateChanged.of(AUDIT_TYPE, t.getId(), "report-attached").withChange("report", null, "sha256:" + sha));
        events.publishEvent(new VerificationCompleted(
                t.getId(),
                t.getProjectId(),
                t.getAllianceId(),
                List.copyOf(t.getLabIds()),
                counts,
                sha,
                clock.instant()));
    }

    private static String findingText(TaskView.Clause c) {
        StringBuilder s = new StringBuilder();
        s.append("验证结论 Verdict: ")
                .append(verdictZh(c.verdict()))
                .append(" (")
                .append(c.verdict())
                .append(")");
        s.append("\n要求 Requirement: ").append(c.requirement());
        s.append("\n试验方法 Method: ").append(c.testMethod());
        s.append("\n判定准则 Acceptance: ").append(c.acceptance());
        for (TaskView.Record r : c.records()) {
            s.append("\n")
                    .append(r.lab())
                    .append(": ")
                    .append(r.quantity())
                    .append(" = ")
                    .append(r.measuredValue().stripTrailingZeros().toPlainString())
                    .append(' ')
                    .append(r.unit());
            if (r.expandedUncertainty() != null) {
                s.append(" (U = ")
                        .append(r.expandedUncertainty().stripTrailingZeros().toPlainString());
                if (r.coverageFactor() != null) {
                    s.append(", k = ")
                            .append(r.coverageFactor().stripTrailingZeros().toPlainString());
                }
                s.append(')');
            }
        }
        return s.toString();
    }

    static String verdictZh(String verdict) {
        return switch (verdict == null ? "" : verdict) {
            case "CONFIRMED" -> "确认";
            case "NEEDS_CHANGE" -> "需修改";
            case "NOT_VERIFIABLE" -> "无法验证";
            default -> "—";
        };
    }

    private boolean met(TaskTransitions.Need need, VerificationTask t) {
        List<TaskClause> cs = clauses.findByTaskIdOrderByIdAsc(t.getId());
        return switch (need) {
            case ALL_VERDICTS -> cs.stream().allMatch(c -> c.getVerdict() != null);
            case RECORDS_FOR_VERDICTS ->
                cs.stream()
                        .filter(c -> c.getVerdict() != Verdict.NOT_VERIFIABLE)
                        .allMatch(c ->
                                !records.findByClauseIdOrderByIdAsc(c.getId()).isEmpty());
        };
    }

    private Set<TaskTransitions.Party> parties(VerificationTask t, Caller me) {
        Set<TaskTransitions.Party> parties = new HashSet<>();
        if (me.office() || me.secretaryOf(allianceOrganization(t.getAllianceId()))) {
            parties.add(TaskTransitions.Party.OPENER);
        }
        // the system (demo data, scheduled work) may act for any assigned lab
        if (me.system() || t.getLabIds().stream().anyMatch(me::engineerOf)) {
            parties.add(TaskTransitions.Party.LAB);
        }
        return parties;
    }

    // ------------------------------------------------------------------ alliance policy

    /** Whether the alliance requires a completed verification report before technical review. */
    @Transactional(readOnly = true)
    public boolean reportRequiredForReview(long allianceId) {
        return policies.findById(allianceId)
                .map(VerificationPolicy::isReportRequiredForReview)
                .orElse(false);
    }

    /** The alliance's secretariat (or the base office) sets the rule. */
    @PreAuthorize("isAuthenticated()")
    public boolean setReportRequiredForReview(long allianceId, boolean required) {
        AllianceView a = alliances.get(allianceId);
        Caller me = Caller.current();
        if (!me.office() && !me.secretaryOf(a.organizationId())) {
            throw new NotPermittedException("verification.error.not-opener", a.nameZh());
        }
        VerificationPolicy p = policies.findById(allianceId).orElseGet(() -> new VerificationPolicy(allianceId));
        boolean before = p.isReportRequiredForReview();
        p.set(required, me.personId(), clock.instant());
        policies.save(p);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, "alliance-" + allianceId, "policy-changed")
                .withChange("reportRequiredForReview", before, required));
        return required;
    }

    /** A task on the project has been reported (or closed after its report). */
    @Transactional(readOnly = true)
    public boolean reportCompleted(long projectId) {
        return tasks.findByProjectIdOrderByIdAsc(projectId).stream()
                .anyMatch(t -> (t.getState() == TaskState.REPORTED || t.getState() == TaskState.CLOSED)
                        && t.getReportSha256() != null);
    }

    // ------------------------------------------------------------------ helpers

    VerificationTask task(long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("verification.error.task-not-found", id));
    }

    private TaskClause clause(VerificationTask t, long clauseId) {
        return clauses.findById(clauseId)
                .filter(c -> c.getTaskId() == t.getId())
                .orElseThrow(() -> new NotFoundException("verification.error.clause-not-found", clauseId));
    }

    private long labOf(VerificationTask t, Caller me, Long requested) {
        List<Long> mine = t.getLabIds().stream()
                .filter(lab -> me.system() || me.engineerOf(lab))
                .sorted()
                .toList();
        if (mine.isEmpty()) {
            throw new NotPermittedException("verification.error.not-assigned-lab");
        }
        if (requested == null) {
            return mine.getFirst();
        }
        if (!mine.contains(requested)) {
            throw new NotPermittedException("verification.error.not-assigned-lab");
        }
        return requested;
    }

    private static void requireState(VerificationTask t, TaskState state) {
        if (t.getState() != state) {
            throw new ConflictException("verification.error.not-in-progress", t.getState());
        }
    }

    private long allianceOrganization(long allianceId) {
        return alliances.get(allianceId).organizationId();
    }

    boolean maySee(VerificationTask t, Caller me, Map<Long, Long> orgOfAlliance) {
        if (me.office() || t.getLabIds().stream().anyMatch(me::engineerOf)) {
            return true;
        }
        long org = orgOfAlliance.computeIfAbsent(t.getAllianceId(), this::allianceOrganization);
        return me.memberOf(org);
    }

    private void requireVisible(VerificationTask t, Caller me) {
        if (!maySee(t, me, new LinkedHashMap<>())) {
            throw new NotPermittedException("verification.error.task-not-visible");
        }
    }

    private static Verdict parseVerdict(String s) {
        try {
            return Verdict.valueOf(Objects.requireNonNull(s).strip().toUpperCase());
        } catch (RuntimeException e) {
            throw new InvalidInputException(Map.of("verdict", "verification.error.verdict"));
        }
    }

    TaskView view(VerificationTask t, Caller me, LocalDate today) {
        ProjectView project = projects.get(t.getProjectId());
        Map<Long, String> labNames = new LinkedHashMap<>();
        List<TaskView.Lab> labViews = new ArrayList<>();
        for (long id : t.getLabIds()) {
            LabView lab = labs.get(id);
            labNames.put(id, lab.nameZh());
            labViews.add(new TaskView.Lab(id, lab.nameZh(), lab.accreditationValid()));
        }
        Map<Long, String> equipmentNames = new LinkedHashMap<>();
        List<TaskClause> cs = clauses.findByTaskIdOrderByIdAsc(t.getId());
        List<TaskView.Clause> clauseViews = new ArrayList<>();
        for (TaskClause c : cs) {
            List<TaskView.Record> rs = records.findByClauseIdOrderByIdAsc(c.getId()).stream()
                    .map(r -> new TaskView.Record(
                            r.getId(),
                            r.getLabId(),
                            labNames.getOrDefault(r.getLabId(), String.valueOf(r.getLabId())),
                            r.getSamples(),
                            r.getConditions(),
                            r.getEquipmentId(),
                            equipmentNames.computeIfAbsent(r.getEquipmentId(), this::equipmentName),
                            r.getQuantity(),
                            r.getMeasuredValue(),
                            r.getUnit(),
                            r.getExpandedUncertainty(),
                            r.getCoverageFactor(),
                            r.getRawFileName(),
                            r.getRawSha256(),
                            r.getRecordedAt()))
                    .toList();
            clauseViews.add(new TaskView.Clause(
                    c.getId(),
                    c.getClauseNo(),
                    c.getRequirement(),
                    c.getTestMethod(),
                    c.getAcceptance(),
                    c.getVerdict() == null ? null : c.getVerdict().name(),
                    c.getRecommendation(),
                    c.getVerdictLabId() == null ? null : labNames.get(c.getVerdictLabId()),
                    rs,
                    Comparisons.of(rs).orElse(null)));
        }
        Set<TaskTransitions.Party> parties = me == null ? Set.of() : parties(t, me);
        List<String> allowed = TaskTransitions.from(t.getState()).stream()
                .filter(tr -> parties.contains(tr.party()))
                .filter(tr -> tr.needs().stream().allMatch(n -> met(n, t)))
                .map(TaskTransitions.Transition::name)
                .toList();
        return new TaskView(
                t.getId(),
                t.getProjectId(),
                project.titleZh(),
                project.alliancePrefix(),
                t.getDraftId(),
                t.getDraftVersionNo(),
                t.getTitle(),
                t.getPlan(),
                t.getDueDate(),
                t.getState().isOpen() && today.isAfter(t.getDueDate()),
                t.getState().name(),
                labViews,
                clauseViews,
                t.getOpenedAt(),
                t.getReportedAt(),
                t.getReportSha256() != null,
                allowed,
                parties.contains(TaskTransitions.Party.LAB),
                parties.contains(TaskTransitions.Party.OPENER),
                t.isDemo());
    }

    private String equipmentName(long equipmentId) {
        return labs.equipmentName(equipmentId);
    }

    private static boolean text(String s, int max) {
        return s != null
                && !s.isBlank()
                && s.strip().length() <= max
                && !ControlCharacters.present(s.replaceAll("[\\r\\n\\t]", ""));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String safeName(String fileName) {
        String n = fileName == null
                ? ""
                : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (n.isEmpty()) {
            n = "raw-data";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
