package org.stdhub.talent.web;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.talent.AvoidanceRuleName;
import org.stdhub.talent.DrawForms;
import org.stdhub.talent.DrawPublication;
import org.stdhub.talent.DrawPurpose;
import org.stdhub.talent.Draws;

/**
 * The draw pages: the base office's list and request form, one draw with its steps (commit, draw, replace, decide)
 * for its responsible officer, and the public verification page.
 */
@Controller
@RequestMapping("/draws")
class DrawPageController {

    private final Draws draws;
    private final org.stdhub.platform.FormRefusals problems;
    private final org.stdhub.talent.Experts experts;

    DrawPageController(Draws draws, org.stdhub.platform.FormRefusals problems, org.stdhub.talent.Experts experts) {
        this.experts = experts;
        this.draws = draws;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    String list(Model model) {
        model.addAttribute("draws", draws.list());
        model.addAttribute("purposes", DrawPurpose.values());
        model.addAttribute("minimums", draws.minimumMembers());
        return "talent/draws";
    }

    @PostMapping
    String request(
            @RequestParam(required = false) DrawPurpose purpose,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String fieldCodes,
            @RequestParam(required = false) Integer members,
            @RequestParam(required = false) Integer reserves,
            @RequestParam(required = false) Long supervisingOrganizationId,
            @RequestParam(required = false) String partyOrganizations,
            @RequestParam(required = false) String partyPeople,
            @RequestParam(required = false) String drafters,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            var created = draws.request(new DrawForms.NewDraw(
                    purpose,
                    subject,
                    fieldCodes,
                    members,
                    reserves,
                    supervisingOrganizationId,
                    ids(partyOrganizations, "partyOrganizations"),
                    ids(partyPeople, "partyPeople"),
                    ids(drafters, "drafters"),
                    List.of()));
            return "redirect:/draws/" + created.id();
        } catch (InvalidInputException e) {
            problems.flash(e, redirect, locale);
            return "redirect:/draws";
        }
    }

    @GetMapping("/{id}")
    String draw(@PathVariable long id, Model model) {
        model.addAttribute("draw", draws.get(id));
        return "talent/draw";
    }

    @PostMapping("/{id}/{step:commit|draw}")
    String step(@PathVariable long id, @PathVariable String step, RedirectAttributes redirect, Locale locale) {
        try {
            if (step.equals("commit")) {
                draws.commit(id);
            } else {
                draws.draw(id);
            }
        } catch (ConflictException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/draws/" + id;
    }

    @PostMapping("/{id}/replacements")
    String replace(
            @PathVariable long id,
            @RequestParam(required = false) Integer position,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            draws.replace(id, new DrawForms.Replacement(position, outcome, reason));
        } catch (ConflictException | InvalidInputException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/draws/" + id;
    }

    @PostMapping("/{id}/decision")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) String decision,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            draws.decide(id, decision);
        } catch (ConflictException | InvalidInputException e) {
            problems.flash(e, redirect, locale);
        }
        return "redirect:/draws/" + id;
    }

    /**
     * A drawn expert declares a conflict of interest (from their own page, where their open calls are listed): they
     * are excluded under the declared-conflict rule and replaced by the next reserve. Back to their page.
     */
    @PostMapping("/{id}/conflict")
    String declareConflict(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            draws.declareConflict(id, reason);
            redirect.addFlashAttribute("notice", "talent.conflict.declared");
        } catch (ConflictException | InvalidInputException e) {
            problems.flash(e, redirect, locale);
        }
        // straight to the expert's page: a second redirect would lose the message
        return experts.mine().map(m -> "redirect:/experts/" + m.id()).orElse("redirect:/experts/me");
    }

    /** Public: the published inputs, the commitment, and — once decided — the seed and the recomputed result. */
    @GetMapping("/{id}/verification")
    String verification(@PathVariable long id, @RequestParam(required = false) String seed, Model model) {
        var claim = seed == null || seed.isBlank() ? null : new DrawPublication.Claim(seed, null, null, null, null);
        model.addAttribute("v", draws.verification(id, claim));
        model.addAttribute("rules", AvoidanceRuleName.values());
        return "talent/verification";
    }

    private static List<Long> ids(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(raw.split("[\\s,，]+"))
                    .filter(s -> !s.isEmpty())
                    .map(Long::parseLong)
                    .toList();
        } catch (NumberFormatException e) {
            throw new InvalidInputException(java.util.Map.of(field, "talent.error.ids"));
        }
    }
}
