package org.stdhub.talent.web;

import java.util.Locale;
import org.springframework.http.ResponseEntity;
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
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.UserFacingException;
import org.stdhub.talent.DrawForms;
import org.stdhub.talent.Draws;
import org.stdhub.talent.ExpertAvailability;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertPage;
import org.stdhub.talent.ExpertStatus;
import org.stdhub.talent.ExpertTrackRecord;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.Experts;
import org.stdhub.talent.RelationKind;
import org.stdhub.talent.Title;

/**
 * The expert database's pages: the base office's list with search, filter, pages and exports, one expert with the
 * steps the viewer may take, and a person's own entry (application, profile, periods of unavailability, employers,
 * relations, committees and standards drafted).
 *
 * <p>Every form goes back to the expert's page: with "saved", or with the refusal (bad input or a rule that does not
 * allow the step now) in the reader's language. An expert the viewer may not see (404) or a step that is not theirs
 * (403) is not a refusal to explain on the page: it answers with its status.
 */
@Controller
@RequestMapping("/experts")
class ExpertPageController {

    private final Experts experts;
    private final ExpertTrackRecord trackRecord;
    private final ExpertAvailability availability;
    private final Draws draws;
    private final ExpertExport export;
    private final FormRefusals problems;

    ExpertPageController(
            Experts experts,
            ExpertTrackRecord trackRecord,
            ExpertAvailability availability,
            Draws draws,
            ExpertExport export,
            FormRefusals problems) {
        this.experts = experts;
        this.trackRecord = trackRecord;
        this.availability = availability;
        this.draws = draws;
        this.export = export;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    String list(@ModelAttribute ExpertQuery query, Model model) {
        ExpertPage page = experts.search(query.filter(), query.pageNumber(), query.pageSize());
        model.addAttribute("result", page);
        model.addAttribute("experts", page.items());
        model.addAttribute("query", query);
        model.addAttribute("statuses", ExpertStatus.values());
        model.addAttribute("titles", Title.values());
        model.addAttribute("csvHref", query.link("/experts/export.csv", null));
        model.addAttribute("xlsxHref", query.link("/experts/export.xlsx", null));
        model.addAttribute("previousHref", page.page() > 0 ? query.link("/experts", page.page() - 1) : null);
        model.addAttribute("nextHref", page.page() + 1 < page.pages() ? query.link("/experts", page.page() + 1) : null);
        return "talent/experts";
    }

    /** The filtered list as CSV for Excel. */
    @GetMapping(value = "/export.csv", produces = "text/csv;charset=UTF-8")
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    ResponseEntity<byte[]> csv(@ModelAttribute ExpertQuery query) {
        return export.csv(query);
    }

    /** The filtered list as an Excel workbook. */
    @GetMapping(value = "/export.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    ResponseEntity<byte[]> xlsx(@ModelAttribute ExpertQuery query) {
        return export.xlsx(query);
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
        var created = refusedOrDone(redirect, locale, () -> experts.apply(form));
        if (created == null) {
            return "redirect:/experts/me";
        }
        redirect.addFlashAttribute("notice", "talent.applied");
        return "redirect:/experts/" + created.id();
    }

    @GetMapping("/{id}")
    String expert(@PathVariable long id, Model model) {
        var expert = experts.get(id);
        model.addAttribute("expert", expert);
        boolean own = experts.mine().map(m -> m.id() == id).orElse(false);
        model.addAttribute("own", own);
        model.addAttribute("calls", own ? draws.calls() : java.util.List.of());
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
        return save(id, redirect, locale, () -> experts.change(id, form));
    }

    @PostMapping("/{id}/employments")
    String employment(
            @PathVariable long id,
            @ModelAttribute ExpertForms.EmploymentForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> experts.addEmployment(id, form));
    }

    @PostMapping("/{id}/relations")
    String relation(
            @PathVariable long id,
            @ModelAttribute ExpertForms.RelationForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> experts.addRelation(id, form));
    }

    @PostMapping("/{id}/employments/{employmentId}")
    String changeEmployment(
            @PathVariable long id,
            @PathVariable long employmentId,
            @ModelAttribute ExpertForms.EmploymentForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> experts.changeEmployment(id, employmentId, form));
    }

    @PostMapping("/{id}/employments/{employmentId}/remove")
    String removeEmployment(
            @PathVariable long id, @PathVariable long employmentId, RedirectAttributes redirect, Locale locale) {
        return save(id, redirect, locale, () -> experts.removeEmployment(id, employmentId));
    }

    @PostMapping("/{id}/relations/{relationId}")
    String changeRelation(
            @PathVariable long id,
            @PathVariable long relationId,
            @ModelAttribute ExpertForms.RelationForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> experts.changeRelation(id, relationId, form));
    }

    @PostMapping("/{id}/relations/{relationId}/remove")
    String removeRelation(
            @PathVariable long id, @PathVariable long relationId, RedirectAttributes redirect, Locale locale) {
        return save(id, redirect, locale, () -> experts.removeRelation(id, relationId));
    }

    @PostMapping("/{id}/unavailable-periods")
    String unavailablePeriod(
            @PathVariable long id,
            @ModelAttribute ExpertForms.UnavailablePeriodForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> availability.addPeriod(id, form));
    }

    @PostMapping("/{id}/unavailable-periods/{periodId}/remove")
    String removeUnavailablePeriod(
            @PathVariable long id, @PathVariable long periodId, RedirectAttributes redirect, Locale locale) {
        return save(id, redirect, locale, () -> availability.removePeriod(id, periodId));
    }

    @PostMapping("/{id}/committees")
    String committee(
            @PathVariable long id,
            @ModelAttribute ExpertForms.CommitteeForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> trackRecord.addCommittee(id, form));
    }

    @PostMapping("/{id}/committees/{committeeId}")
    String changeCommittee(
            @PathVariable long id,
            @PathVariable long committeeId,
            @ModelAttribute ExpertForms.CommitteeForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> trackRecord.changeCommittee(id, committeeId, form));
    }

    @PostMapping("/{id}/committees/{committeeId}/remove")
    String removeCommittee(
            @PathVariable long id, @PathVariable long committeeId, RedirectAttributes redirect, Locale locale) {
        return save(id, redirect, locale, () -> trackRecord.removeCommittee(id, committeeId));
    }

    @PostMapping("/{id}/drafted-standards")
    String draftedStandard(
            @PathVariable long id,
            @ModelAttribute ExpertForms.DraftedStandardForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> trackRecord.addDraftedStandard(id, form));
    }

    @PostMapping("/{id}/drafted-standards/{draftedId}")
    String changeDraftedStandard(
            @PathVariable long id,
            @PathVariable long draftedId,
            @ModelAttribute ExpertForms.DraftedStandardForm form,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> trackRecord.changeDraftedStandard(id, draftedId, form));
    }

    @PostMapping("/{id}/drafted-standards/{draftedId}/remove")
    String removeDraftedStandard(
            @PathVariable long id, @PathVariable long draftedId, RedirectAttributes redirect, Locale locale) {
        return save(id, redirect, locale, () -> trackRecord.removeDraftedStandard(id, draftedId));
    }

    /** The draw's responsible officer rates the expert's review after the decision. */
    @PostMapping("/{id}/reviews/{drawId}/rating")
    String rate(
            @PathVariable long id,
            @PathVariable long drawId,
            @ModelAttribute DrawForms.Rating form,
            RedirectAttributes redirect,
            Locale locale) {
        experts.get(id); // 404 unless the viewer may see the expert
        return save(id, redirect, locale, () -> draws.rate(drawId, id, form));
    }

    @PostMapping("/{id}/{transition:start-review|approve|reject|suspend|reactivate|reactivate-into-review|retire}")
    String transition(
            @PathVariable long id,
            @PathVariable String transition,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        return save(id, redirect, locale, () -> experts.transition(id, ExpertTransition.ofAction(transition), reason));
    }

    /** Runs a change of expert {@code id} and goes back to their page, saying it was saved or why it was refused. */
    private String save(long id, RedirectAttributes redirect, Locale locale, java.util.function.Supplier<?> change) {
        if (refusedOrDone(redirect, locale, change) != null) {
            redirect.addFlashAttribute("notice", "talent.saved");
        }
        return "redirect:/experts/" + id;
    }

    /**
     * What the change returns, or null when it was refused for bad input or a rule of the moment (the refusal is
     * flashed to the next page). Not found and not permitted answer with their status instead.
     */
    private <T> T refusedOrDone(RedirectAttributes redirect, Locale locale, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (NotFoundException | NotPermittedException e) {
            throw e;
        } catch (UserFacingException e) {
            problems.flash(e, redirect, locale);
            return null;
        }
    }
}
