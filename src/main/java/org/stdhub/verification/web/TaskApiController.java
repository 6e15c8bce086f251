package org.stdhub.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.verification.TaskForms;
import org.stdhub.verification.TaskView;
import org.stdhub.verification.VerificationTasks;
import org.stdhub.verification.task.TaskTransitions;

/**
 * Verification tasks for machine clients: the same service and rules as the pages. A lab sees only its own tasks;
 * refusals are problem details (403 for the wrong party, 409 naming the state or the missing condition).
 */
@RestController
@RequestMapping(path = "/api/v1/verification-tasks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "verification", description = "Labs, verification tasks on drafts, inter-laboratory comparison")
class TaskApiController {

    /** A test record; the raw data file, if any, as base64. */
    record RecordRequest(TaskForms.NewRecord record, String rawFileName, String rawBase64) {}

    private final VerificationTasks tasks;

    TaskApiController(VerificationTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(
            summary = "The verification tasks the caller may see (its labs', its alliances', all for the base office)")
    List<TaskView> list() {
        return tasks.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Open a verification task on a draft version of a project (the alliance's secretariat or the base"
                    + " office): clauses, labs, plan and due date")
    ResponseEntity<TaskView> open(@RequestBody TaskForms.NewTask body) {
        TaskView created = tasks.open(body);
        return ResponseEntity.created(URI.create("/api/v1/verification-tasks/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task: clauses with records, verdicts and inter-lab comparison; allowed transitions")
    TaskView get(@PathVariable long id) {
        return tasks.get(id);
    }

    @GetMapping("/transition-table")
    @Operation(summary = "The task state machine: every transition with its states, party and conditions")
    List<TaskTransitions.Transition> table() {
        return TaskTransitions.all();
    }

    @PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Make a transition (START, REPORT by an assigned lab; CLOSE, CANCEL by the opener); REPORT sends"
                    + " the verdicts to the project's comment table and attaches the report PDF")
    TaskView transition(@PathVariable long id, @RequestBody TaskForms.Transition body) {
        return tasks.transition(id, body == null ? null : body.transition(), body == null ? null : body.comment());
    }

    @PostMapping(path = "/{id}/clauses/{clauseId}/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a test of a clause (an engineer of an assigned lab); refused (409) when the instrument's"
                    + " calibration is due or the lab's accreditation has expired")
    TaskView record(@PathVariable long id, @PathVariable long clauseId, @RequestBody RecordRequest body) {
        TaskForms.RawData raw = null;
        if (body != null && body.rawBase64() != null && !body.rawBase64().isBlank()) {
            byte[] content;
            try {
                content = java.util.Base64.getDecoder().decode(body.rawBase64().strip());
            } catch (IllegalArgumentException e) {
                throw new org.stdhub.platform.InvalidInputException(
                        java.util.Map.of("rawBase64", "verification.error.raw-base64"));
            }
            raw = new TaskForms.RawData(body.rawFileName(), content);
        }
        return tasks.record(id, clauseId, body == null ? null : body.record(), raw);
    }

    @PostMapping(path = "/{id}/clauses/{clauseId}/verdict", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give a clause its verdict (CONFIRMED, NEEDS_CHANGE, NOT_VERIFIABLE) and recommendation")
    TaskView decide(@PathVariable long id, @PathVariable long clauseId, @RequestBody TaskForms.Decision body) {
        return tasks.decide(id, clauseId, body);
    }

    @GetMapping(path = "/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The verification report (PDF) of a reported task")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("verification-" + id + ".pdf")
                                .build()
                                .toString())
                .body(tasks.reportPdf(id));
    }

    @PutMapping(path = "/policies/{allianceId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set an alliance's rule (its secretariat or the base office): technical review (40.00) needs a"
                    + " completed verification report")
    TaskForms.Policy setPolicy(@PathVariable long allianceId, @RequestBody TaskForms.Policy body) {
        return new TaskForms.Policy(
                tasks.setReportRequiredForReview(allianceId, body != null && body.reportRequiredForReview()));
    }

    @GetMapping("/policies/{allianceId}")
    @Operation(summary = "Whether the alliance requires a completed verification report before technical review")
    TaskForms.Policy getPolicy(@PathVariable long allianceId) {
        return new TaskForms.Policy(tasks.reportRequiredForReview(allianceId));
    }
}
