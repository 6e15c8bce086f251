package org.stdhub.talent.web;

import jakarta.servlet.http.HttpServletResponse;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.stdhub.platform.IdList;
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

    /** Where the expert number ends and the reason begins: the first colon, half- or full-width. */
    private static final Pattern SEPARATOR = Pattern.compile("[:：]");

    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,18})");

    private final Draws draws;
    private final org.stdhub.platform.FormRefusals problems;
    private final org.stdhub.talent.Experts experts;

    DrawPageController(Draws draws, org.stdhub.platform.FormRefusals problems, org.stdhub.talent.Experts experts) {
        this.experts = experts;
        this.draws = draws;
        this.problems = problems;
    }

    /**
     * The request form as typed: the lists of ids as text (comma or space separated), the exclusions asked for one a
     * line as "expert number: reason". Kept to show it again when it is refused.
     */
    record RequestForm(
            DrawPurpose purpose,
            String subject,
            String fieldCodes,
            Integer members,
            Integer reserves,
            Long supervisingOrganizationId,
            String partyOrganizations,
            String partyPeople,
            String drafters,
            String excludedExperts) {

        static RequestForm blank() {
            return new RequestForm(null, "", "", 5, 2, null, "", "", "", "");
        }
    }

    /** A line of the exclusions that could not be read: its number (from 1) and the message key saying why. */
    record LineError(int line, String messageKey) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    String list(Model model) {
        return show(model, RequestForm.blank(), Map.of(), List.of());
    }

    /**
     * Requests a draw: to its page when done; refused input (a line of the exclusions that is not "expert number:
     * reason", ids that are not numbers, or what the request's own rules refuse) shows the form again with what was
     * typed and each refusal (400), and nothing is written.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    String request(@ModelAttribute RequestForm form, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<LineError> lineErrors = new ArrayList<>();
        List<Long> organizations = ids(form.partyOrganizations(), "partyOrganizations", errors);
        List<Long> people = ids(form.partyPeople(), "partyPeople", errors);
        List<Long> drafters = ids(form.drafters(), "drafters", errors);
        List<DrawForms.ExcludedExpert> excluded = exclusions(form.excludedExperts(), lineErrors);
        if (!lineErrors.isEmpty()) {
            errors.put("excludedExperts", "talent.draws.exclusions.refused");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, form, errors, lineErrors);
        }
        try {
            var created = draws.request(new DrawForms.NewDraw(
                    form.purpose(),
                    form.subject(),
                    form.fieldCodes(),
                    form.members(),
                    form.reserves(),
                    form.supervisingOrganizationId(),
                    organizations,
                    people,
                    drafters,
                    excluded));
            return "redirect:/draws/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, form, e.fieldErrors(), List.of());
        }
    }

    private String show(Model model, RequestForm form, Map<String, String> errors, List<LineError> lineErrors) {
        model.addAttribute("draws", draws.list());
        model.addAttribute("purposes", DrawPurpose.values());
        model.addAttribute("minimums", draws.minimumMembers());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lineErrors", lineErrors);
        return "talent/draws";
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

    /** Ids separated by commas or spaces; a field of anything else gets its error. */
    private static List<Long> ids(String raw, String field, Map<String, String> errors) {
        return IdList.read(raw).orElseGet(() -> {
            errors.put(field, "talent.error.ids");
            return List.of();
        });
    }

    /**
     * The exclusions asked for, one a line as "expert number: reason" (blank lines skipped; full-width digits and
     * colon read too). Each line that cannot be read is named in {@code errors}; the request's own rules check the
     * rest (a reason of at most 500 characters, an expert that exists).
     */
    static List<DrawForms.ExcludedExpert> exclusions(String typed, List<LineError> errors) {
        List<DrawForms.ExcludedExpert> out = new ArrayList<>();
        if (typed == null || typed.isBlank()) {
            return out;
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        String[] lines = typed.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int n = i + 1;
            Matcher colon = SEPARATOR.matcher(line);
            if (!colon.find()) {
                errors.add(new LineError(n, "talent.draws.exclusions.format"));
                continue;
            }
            String number = Normalizer.normalize(line.substring(0, colon.start()), Normalizer.Form.NFKC)
                    .strip();
            String reason = line.substring(colon.end()).strip();
            Matcher digits = NUMBER.matcher(number);
            if (!digits.matches()) {
                errors.add(new LineError(n, "talent.draws.exclusions.number"));
            } else if (reason.isEmpty() || reason.length() > 500) {
                errors.add(new LineError(n, "talent.draws.exclusions.reason"));
            } else if (!seen.add(Long.parseLong(digits.group(1)))) {
                errors.add(new LineError(n, "talent.draws.exclusions.duplicate"));
            } else {
                out.add(new DrawForms.ExcludedExpert(Long.parseLong(digits.group(1)), reason));
            }
        }
        return out;
    }
}
