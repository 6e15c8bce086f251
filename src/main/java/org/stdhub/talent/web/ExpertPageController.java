package org.stdhub.talent.web;

import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.UserFacingException;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertStatus;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.Experts;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.Title;

/**
 * The expert database's pages: the base office's list with search and filter, one expert with the steps the viewer
 * may take, and a person's own entry (application, profile, employers, relations).
 */
@Controller
@RequestMapping("/experts")
class ExpertPageController {

    private final Experts experts;
    private final org.stdhub.talent.Draws draws;
    private final org.stdhub.platform.FormRefusals problems;

    ExpertPageController(Experts experts, org.stdhub.talent.Draws draws, org.stdhub.platform.FormRefusals problems) {
        this.experts = experts;
        this.draws = draws;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ExpertStatus status,
            @RequestParam(required = false) String region,
            Model model) {
        model.addAttribute("experts", experts.search(new ExpertForms.Filter(q, status, region)));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("region", region);
        model.addAttribute("statuses", ExpertStatus.values());
        return "talent/experts";
    }

    /** The filtered list as CSV for Excel (UTF-8 with BOM; cells that look like formulas are neutralised by CsvTable). */
    @GetMapping(value = "/export.csv", produces = "text/csv;charset=UTF-8")
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ExpertStatus status,
            @RequestParam(required = false) String region) {
        var found = experts.search(new ExpertForms.Filter(q, status, region));
        byte[] csv = org.stdhub.platform.CsvTable.forExcel(table -> {
            table.row(
                    "id",
                    "name",
                    "ics",
                    "ccs",
                    "keywords",
                    "title",
                    "years",
                    "employer",
                    "region",
                    "status",
                    "committees",
                    "standardsDrafted");
            for (var e : found) {
                table.row(
                        String.valueOf(e.id()),
                        e.name(),
                        e.icsCodes(),
                        e.ccsCodes(),
                        e.keywords(),
                        e.title().name(),
                        String.valueOf(e.yearsInField()),
                        e.currentEmployer() == null ? "" : e.currentEmployer(),
                        e.region() == null ? "" : e.region(),
                        e.status().name(),
                        String.join(
                                "; ",
                                e.committees().stream()
                                        .map(c -> c.committeeName() + " (" + c.committeeRole() + ")")
                                        .toList()),
                        String.join(
                                "; ",
                                e.draftedStandards().stream()
                                        .map(org.stdhub.talent.ExpertView.DraftedStandardView::designation)
                                        .toList()));
            }
        });
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"experts.csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(csv);
    }

    /** The signed-in person's own entry, or the application form. */
    @GetMapping("/me")
    String mine(Model model) {
        var mine = experts.mine();
        if (mine.isPresent()) {
            return "redirect:/experts/" + mine.get().id();
        }
        model.addAttribute("titles", Title.values());
        return "talent/apply";
    }

    @PostMapping("/me")
    String apply(@ModelAttribute ExpertForms.ProfileForm form, RedirectAttributes redirect, Locale locale) {
        try {
            var created = experts.apply(form);
            redirect.addFlashAttribute("notice", "talent.applied");
            return "redirect:/experts/" + created.id();
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
            return "redirect:/experts/me";
        }
    }

    @GetMapping("/{id}")
    String expert(@PathVariable long id, Model model) {
        var expert = experts.get(id);
        model.addAttribute("expert", expert);
        model.addAttribute("own", experts.mine().map(m -> m.id() == id).orElse(false));
        model.addAttribute("titles", Title.values());
        model.addAttribute("relationKinds", RelationKind.values());
        return "talent/expert";
    }

    @PostMapping("/{id}/profile")
    String change(
            @PathVariable long id,
            @ModelAttribute ExpertForms.ProfileForm form,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            experts.change(id, form);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }

    @PostMapping("/{id}/employments")
    String employment(
            @PathVariable long id,
            @ModelAttribute ExpertForms.EmploymentForm form,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            experts.addEmployment(id, form);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }

    @PostMapping("/{id}/relations")
    String relation(
            @PathVariable long id,
            @ModelAttribute ExpertForms.RelationForm form,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            experts.addRelation(id, form);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }

    @PostMapping("/{id}/committees")
    String committee(
            @PathVariable long id,
            @ModelAttribute ExpertForms.CommitteeForm form,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            experts.addCommittee(id, form);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }

    @PostMapping("/{id}/drafted-standards")
    String draftedStandard(
            @PathVariable long id,
            @ModelAttribute ExpertForms.DraftedStandardForm form,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            experts.addDraftedStandard(id, form);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }

    /** The draw's responsible officer rates the expert's review after the decision. */
    @PostMapping("/{id}/reviews/{drawId}/rating")
    String rate(
            @PathVariable long id,
            @PathVariable long drawId,
            @ModelAttribute org.stdhub.talent.DrawForms.Rating form,
            RedirectAttributes redirect,
            Locale locale) {
        experts.get(id); // 404 unless the viewer may see the expert
        try {
            draws.rate(drawId, id, form);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (NotFoundException e) {
            throw e;
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }

    @PostMapping("/{id}/{transition:start-review|approve|reject|suspend|reactivate|retire}")
    String transition(
            @PathVariable long id,
            @PathVariable String transition,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            experts.transition(id, ExpertTransition.ofAction(transition), reason);
            redirect.addFlashAttribute("notice", "talent.saved");
        } catch (NotFoundException e) {
            throw e;
        } catch (ConflictException | org.stdhub.platform.InvalidInputException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/experts/" + id;
    }
}
