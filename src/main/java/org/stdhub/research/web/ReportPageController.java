package org.stdhub.research.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.research.ReportForm;
import org.stdhub.research.ReportKind;
import org.stdhub.research.ReportView;
import org.stdhub.research.Reports;
import org.stdhub.research.ResearchProjectView;
import org.stdhub.research.ResearchProjects;

/**
 * The pages of reports and policy briefs: one report with its versions (public once published), and for its author
 * or the base office the forms to write one, upload a version of its file and publish it — the same service and rules
 * as the API. Bad input shows the form again with the reasons (400), a refused file or step comes back as a message.
 */
@Controller
class ReportPageController {

    private final Reports reports;
    private final ResearchProjects projects;
    private final FormRefusals refusals;

    ReportPageController(Reports reports, ResearchProjects projects, FormRefusals refusals) {
        this.reports = reports;
        this.projects = projects;
        this.refusals = refusals;
    }

    /** The report form as posted; keywords comma-separated. */
    public record ReportPage(String kind, String title, String abstractText, String keywords, Long researchProjectId) {

        ReportForm toForm() {
            List<String> words = keywords == null || keywords.isBlank()
                    ? List.of()
                    : Arrays.stream(keywords.split("[,，;；]"))
                            .map(String::strip)
                            .filter(w -> !w.isEmpty())
                            .toList();
            return new ReportForm(kind, title, abstractText, words, researchProjectId);
        }
    }

    @GetMapping("/research/reports/{id}")
    String show(@PathVariable long id, Model model) {
        ReportView r = reports.get(id);
        model.addAttribute("report", r);
        return "research/report";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/research/reports/new")
    String writeForm(@RequestParam(required = false) Long project, Model model) {
        return form(model, new ReportPage(ReportKind.REPORT.name(), "", "", "", project));
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/research/reports")
    String write(ReportPage form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            ReportView r = reports.create(form.toForm());
            redirect.addFlashAttribute("notice", "research.report.written");
            return "redirect:/research/reports/" + r.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.fieldErrors());
            return form(model, form);
        }
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/research/reports/{id}/versions")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException(Map.of("file", "research.error.file-empty"));
            }
            reports.addVersion(id, file.getOriginalFilename(), bytes(file));
            redirect.addFlashAttribute("notice", "research.report.version-added");
        } catch (InvalidInputException | ConflictException e) {
            refusals.flash(e, redirect, locale);
        }
        return "redirect:/research/reports/" + id;
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/research/reports/{id}/publish")
    String publish(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        try {
            reports.publish(id);
            redirect.addFlashAttribute("notice", "research.report.published-notice");
        } catch (ConflictException e) {
            refusals.flash(e, redirect, locale);
        }
        return "redirect:/research/reports/" + id;
    }

    private String form(Model model, ReportPage form) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute(
                "projects",
                projects.visible().stream()
                        .filter(ResearchProjectView::editable)
                        .toList());
        return "research/report-form";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
