package org.stdhub.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * Contract tasks: the unit reports progress with evidence files (the platform records behind the task's indicator
 * are counted, never typed in), the base office accepts ({@link TaskCompleted}) or returns the report with reasons.
 */
@Service
@Transactional
public class Tasks {

    static final String AUDIT_TYPE = "programme-task";

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final TaskEvidenceFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tasks(
            JdbcClient jdbc,
            Contracts contracts,
            TaskEvidenceFiles files,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** An evidence file's name, type and content. */
    public record EvidenceContent(String fileName, String mediaType, byte[] content) {}

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TaskView get(long taskId) {
        Contracts.Row c = readableContract(taskId);
        return one(c, taskId);
    }

    /** The unit reports on a task of a contract in force: progress (0–100) and what was done. */
    @PreAuthorize("isAuthenticated()")
    public TaskView report(long taskId, ContractForms.TaskReport f) {
        Contracts.Row c = readableContract(taskId);
        ProgrammeViewer viewer = ProgrammeViewer.current();
        Contracts.requireMember(c, viewer);
        if (c.state() != ContractState.IN_FORCE) {
            throw new ConflictException("programme.error.contract-not-in-force");
        }
        TaskView task = one(c, taskId);
        if (task.state() != TaskState.OPEN && task.state() != TaskState.RETURNED) {
            throw new ConflictException("programme.error.task-state", task.state());
        }
        var errors = new InvalidInputException.Collector();
        errors.check(
                f != null && f.progress() != null && f.progress() >= 0 && f.progress() <= 100,
                "progress",
                "programme.error.progress");
        String report = Text.required(f == null ? null : f.report(), 4000, "report", errors);
        errors.throwIfAny();
        Integer counted = task.platformRecords();
        int changed = jdbc.sql("update programme_task set state = ?, progress = ?, report = ?, counted_records = ?,"
                        + " reported_at = ?, reported_by = ?, return_reason = null where id = ? and state = ?")
                .params(
                        TaskState.REPORTED.name(),
                        f.progress(),
                        report,
                        counted,
                        Timestamp.from(clock.instant()),
                        viewer.actor(),
                        taskId,
                        task.state().name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, taskId, "reported")
                .withChange("state", task.state(), TaskState.REPORTED)
                .withChange("progress", task.progress(), f.progress())
                .withChange("platformRecords", null, counted));
        return one(c, taskId);
    }

    /** The unit adds an evidence file to a task not yet accepted. */
    @PreAuthorize("isAuthenticated()")
    public TaskView addEvidence(long taskId, String fileName, byte[] content) {
        Contracts.Row c = readableContract(taskId);
        ProgrammeViewer viewer = ProgrammeViewer.current();
        Contracts.requireMember(c, viewer);
        TaskView task = one(c, taskId);
        if (task.state() == TaskState.ACCEPTED) {
            throw new ConflictException("programme.error.task-state", task.state());
        }
        var errors = new InvalidInputException.Collector();
        String name = Text.required(
                fileName == null ? null : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_"), 300, "file", errors);
        errors.throwIfAny();
        ContentStore.Stored stored = files.store(content);
        jdbc.sql(
                        "insert into programme_evidence (task_id, file_name, sha256, media_type, size_bytes, added_by, added_at)"
                                + " values (?,?,?,?,?,?,?)")
                .params(
                        taskId,
                        name,
                        stored.sha256(),
                        stored.mediaType(),
                        stored.size(),
                        viewer.actor(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, taskId, "evidence-added")
                .withChange("file", null, name + " sha256:" + stored.sha256()));
        return one(c, taskId);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public EvidenceContent evidence(long taskId, long evidenceId) {
        readableContract(taskId);
        return jdbc.sql("select file_name, media_type, sha256 from programme_evidence where id = ? and task_id = ?")
                .params(evidenceId, taskId)
                .query((rs, n) -> new EvidenceContent(rs.getString(1), rs.getString(2), files.read(rs.getString(3))))
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-evidence"));
    }

    /** The base office accepts a reported task. */
    @PreAuthorize(Contracts.OFFICE)
    public TaskView accept(long taskId) {
        return decide(taskId, TaskState.ACCEPTED, null);
    }

    /** The base office returns a reported task to the unit, with its reasons. */
    @PreAuthorize(Contracts.OFFICE)
    public TaskView returnReport(long taskId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException(Map.of("reason", "programme.error.reason-required"));
        }
        return decide(taskId, TaskState.RETURNED, why);
    }

    private TaskView decide(long taskId, TaskState to, String reason) {
        Contracts.Row c = contracts.contractOf("programme_task", taskId);
        if (c == null) {
            throw new NotFoundException("programme.error.no-task");
        }
        TaskView task = one(c, taskId);
        if (task.state() != TaskState.REPORTED) {
            throw new ConflictException("programme.error.task-state", task.state());
        }
        ProgrammeViewer viewer = ProgrammeViewer.current();
        int changed = jdbc.sql(
                        "update programme_task set state = ?, return_reason = ?, decided_by = ?, decided_by_id = ?,"
                                + " decided_at = ? where id = ? and state = ?")
                .params(
                        to.name(),
                        reason,
                        viewer.actor(),
                        viewer.personId(),
                        Timestamp.from(clock.instant()),
                        taskId,
                        TaskState.REPORTED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, taskId, to == TaskState.ACCEPTED ? "accepted" : "returned")
                .withChange("state", TaskState.REPORTED, to)
                .withComment(reason));
        if (to == TaskState.ACCEPTED) {
            events.publishEvent(
                    new TaskCompleted(taskId, c.id(), c.organizationId(), task.title(), LocalDate.now(clock)));
        }
        return one(c, taskId);
    }

    private Contracts.Row readableContract(long taskId) {
        Contracts.Row c = contracts.contractOf("programme_task", taskId);
        if (c == null || !ProgrammeViewer.current().maySee(c.organizationId())) {
            throw new NotFoundException("programme.error.no-task");
        }
        return c;
    }

    private TaskView one(Contracts.Row c, long taskId) {
        return jdbc.sql("select * from programme_task where id = ?")
                .param(taskId)
                .query((rs, n) -> contracts.taskView(rs, c))
                .single();
    }
}
