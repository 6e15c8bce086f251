package org.stdhub.verification.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.verification.Labs;
import org.stdhub.verification.TaskForms;
import org.stdhub.verification.TaskView;
import org.stdhub.verification.VerificationTasks;

/**
 * The verification task pages: the tasks the signed-in person may see with the form that opens one, and a task with
 * its clauses, the lab's forms (records, verdicts), the transitions, the comparison and the report.
 */
@Controller
class TaskPageController {

    private final VerificationTasks tasks;
    private final Labs labs;
    private final FormRefusals refusals;

    TaskPageController(VerificationTasks tasks, Labs labs, FormRefusals refusals) {
        this.tasks = tasks;
        this.labs = labs;
        this.refusals = refusals;
    }

    @GetMapping("/verification-tasks")
    String list(@RequestParam(required = false) Long project, Model model) {
        model.addAttribute("tasks", tasks.list());
        model.addAttribute("projects", tasks.openable());
        model.addAttribute("labs", labs.list());
        model.addAttribute("selectedProject", project);
        model.addAttribute("policies", tasks.policies());
        return "verification/tasks";
    }

    /**
     * Opens a task. Clauses come one per line as {@code clause | requirement | test method | acceptance criterion}.
     */
    @PostMapping("/verification-tasks")
    String open(
            @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
            @RequestParam(required = false) List<Long> labIds,
            @RequestParam(required = false) String clauses,
            RedirectAttributes redirect,
            Locale locale) {
        TaskView created = refusals.attempt(
                redirect,
                locale,
                () -> tasks.open(
                        new TaskForms.NewTask(projectId, null, title, plan, dueDate, labIds, parseClauses(clauses))));
        if (created == null) {
            return "redirect:/verification-tasks";
        }
        redirect.addFlashAttribute("notice", "verification.task.opened");
        return "redirect:/verification-tasks/" + created.id();
    }

    static List<TaskForms.NewClause> parseClauses(String text) {
        List<TaskForms.NewClause> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 4) {
                throw new InvalidInputException(Map.of("clauses", "verification.error.clause-line"));
            }
            out.add(new TaskForms.NewClause(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip()));
        }
        return out;
    }

    @GetMapping("/verification-tasks/{id}")
    String task(@PathVariable long id, Model model) {
        TaskView task = tasks.get(id);
        model.addAttribute("task", task);
        model.addAttribute(
                "equipment",
                task.viewerIsLab()
                        ? task.labs().stream()
                                .filter(l -> labs.isEngineerOf(l.id()))
                                .flatMap(l -> labs.get(l.id()).equipment().stream())
                                .toList()
                        : List.of());
        return "verification/task";
    }

    @PostMapping("/verification-tasks/{id}/transitions")
    String transition(
            @PathVariable long id,
            @RequestParam(required = false) String transition,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect,
            Locale locale) {
        if (refusals.attempt(redirect, locale, () -> tasks.transition(id, transition, comment)) != null) {
            redirect.addFlashAttribute("notice", "verification.task.transitioned");
        }
        return "redirect:/verification-tasks/" + id;
    }

    @PostMapping("/verification-tasks/{id}/clauses/{clauseId}/records")
    String record(
            @PathVariable long id,
            @PathVariable long clauseId,
            @RequestParam(required = false) Long labId,
            @RequestParam(required = false) String samples,
            @RequestParam(required = false) String conditions,
            @RequestParam(required = false) Long equipmentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate testedOn,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String measuredValue,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String expandedUncertainty,
            @RequestParam(required = false) String coverageFactor,
            @RequestParam(required = false) MultipartFile raw,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        TaskForms.RawData data =
                raw == null || raw.isEmpty() ? null : new TaskForms.RawData(raw.getOriginalFilename(), raw.getBytes());
        if (refusals.attempt(
                        redirect,
                        locale,
                        () -> tasks.record(
                                id,
                                clauseId,
                                new TaskForms.NewRecord(
                                        labId,
                                        samples,
                                        conditions,
                                        equipmentId,
                                        testedOn,
                                        quantity,
                                        number(measuredValue, "measuredValue"),
                                        unit,
                                        number(expandedUncertainty, "expandedUncertainty"),
                                        number(coverageFactor, "coverageFactor")),
                                data))
                != null) {
            redirect.addFlashAttribute("notice", "verification.task.recorded");
        }
        return "redirect:/verification-tasks/" + id + "#clause-" + clauseId;
    }

    private static BigDecimal number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Map.of(field, "verification.error.number"));
        }
    }

    @PostMapping("/verification-tasks/{id}/clauses/{clauseId}/verdict")
    String verdict(
            @PathVariable long id,
            @PathVariable long clauseId,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String recommendation,
            RedirectAttributes redirect,
            Locale locale) {
        if (refusals.attempt(
                        redirect,
                        locale,
                        () -> tasks.decide(id, clauseId, new TaskForms.Decision(verdict, recommendation, null)))
                != null) {
            redirect.addFlashAttribute("notice", "verification.task.decided");
        }
        return "redirect:/verification-tasks/" + id + "#clause-" + clauseId;
    }

    @PostMapping("/verification-tasks/policy")
    String policy(
            @RequestParam long allianceId,
            @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes redirect,
            Locale locale) {
        if (refusals.attempt(redirect, locale, () -> tasks.setReportRequiredForReview(allianceId, required)) != null) {
            redirect.addFlashAttribute("notice", "verification.policy.saved");
        }
        return "redirect:/verification-tasks";
    }

    @GetMapping("/verification-tasks/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("verification-" + id + ".pdf")
                                .build()
                                .toString())
                .body(tasks.reportPdf(id));
    }

    @GetMapping("/verification-tasks/{id}/records/{recordId}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id, @PathVariable long recordId) {
        VerificationTasks.RawFile f = tasks.rawData(id, recordId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(f.content());
    }
}
