package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.programme.ContractForms;
import org.stdhub.programme.TaskView;
import org.stdhub.programme.Tasks;

/** Contract tasks for machines: the unit reports with evidence; the base office accepts or returns. */
@RestController
@RequestMapping("/api/v1/tasks")
class ContractTaskApiController {

    private final Tasks tasks;

    ContractTaskApiController(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A task with its report, evidence and the platform records counted for it")
    TaskView get(@PathVariable long id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/report")
    @Operation(summary = "Report progress on a task (a member of the contract's unit)")
    TaskView report(@PathVariable long id, @RequestBody ContractForms.TaskReport body) {
        return tasks.report(id, body);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add an evidence file to a task (a member of the contract's unit); stored by its SHA-256")
    TaskView evidence(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        try {
            return tasks.addEvidence(id, file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    @Operation(summary = "An evidence file's content")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long evidenceId) {
        Tasks.EvidenceContent e = tasks.evidence(id, evidenceId);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(e.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(e.mediaType()))
                .body(e.content());
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "Accept a reported task (base office); publishes TaskCompleted")
    TaskView accept(@PathVariable long id) {
        return tasks.accept(id);
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Return a reported task to the unit with reasons (base office)")
    TaskView returnReport(@PathVariable long id, @RequestBody ContractForms.Reason body) {
        return tasks.returnReport(id, body == null ? null : body.reason());
    }
}
