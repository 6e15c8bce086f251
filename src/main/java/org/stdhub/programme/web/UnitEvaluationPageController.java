package org.stdhub.programme.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.programme.ConstructionPhases;
import org.stdhub.programme.Contracts;
import org.stdhub.programme.EvaluationForms;
import org.stdhub.programme.EvaluationKind;
import org.stdhub.programme.EvaluationPanels;
import org.stdhub.programme.EvaluationView;
import org.stdhub.programme.Evaluations;

/**
 * The evaluation pages: the list with the construction phases ({@code /programme/evaluations}) and one evaluation with
 * its self-evaluation, expert scores, conclusion and rectification. The services decide who may do what; a refusal
 * comes back as a message on the page.
 */
@Controller
@RequestMapping("/programme/evaluations")
class UnitEvaluationPageController {

    private final Evaluations evaluations;
    private final ConstructionPhases phases;
    private final Contracts contracts;
    private final FormRefusals refusals;
    private final EvaluationDossier dossier;
    private final EvaluationPanels panels;

    UnitEvaluationPageController(
            Evaluations evaluations,
            ConstructionPhases phases,
            Contracts contracts,
            FormRefusals refusals,
            EvaluationDossier dossier,
            EvaluationPanels panels) {
        this.panels = panels;
        this.evaluations = evaluations;
        this.phases = phases;
        this.contracts = contracts;
        this.refusals = refusals;
        this.dossier = dossier;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("evaluations", evaluations.list());
        model.addAttribute("phases", phases.list());
        model.addAttribute("contracts", contracts.list());
        model.addAttribute("kinds", EvaluationKind.values());
        return "programme/evaluations";
    }

    @PostMapping
    String open(
            @RequestParam(required = false) Long contractId,
            @RequestParam(required = false) EvaluationKind kind,
            @RequestParam(required = false) String round,
            @RequestParam(required = false) LocalDate evaluatedOn,
            RedirectAttributes redirect,
            Locale locale) {
        EvaluationView e = refusals.attempt(
                redirect,
                locale,
                () -> evaluations.open(new EvaluationForms.NewEvaluation(contractId, kind, round, evaluatedOn)));
        return e == null ? "redirect:/programme/evaluations" : "redirect:/programme/evaluations/" + e.id();
    }

    /** The base office edits a construction phase: dates, deliverables (one per line), the day it was reached. */
    @PostMapping("/phases/{code}")
    String phase(
            @PathVariable String code,
            @RequestParam(required = false) LocalDate startsOn,
            @RequestParam(required = false) LocalDate endsOn,
            @RequestParam(required = false) String deliverables,
            @RequestParam(required = false) LocalDate reachedOn,
            RedirectAttributes redirect,
            Locale l) {
        refusals.attempt(
                redirect,
                l,
                () -> phases.update(
                        code,
                        new ConstructionPhases.PhaseEdit(
                                startsOn,
                                endsOn,
                                deliverables == null ? null : java.util.List.of(deliverables.split("\\R")),
                                reachedOn)));
        return "redirect:/programme/evaluations#phases";
    }

    @GetMapping("/{id}")
    String one(@PathVariable long id, Model model) {
        EvaluationView e = evaluations.get(id);
        model.addAttribute("e", e);
        model.addAttribute("items", evaluations.modelOn(e.evaluatedOn()).itemDimensions());
        return "programme/evaluation";
    }

    @GetMapping("/{id}/dossier.pdf")
    org.springframework.http.ResponseEntity<byte[]> dossier(@PathVariable long id, Locale locale) {
        EvaluationView e = evaluations.get(id);
        return TrancheApiController.file(
                dossier.pdf(e, dossier.auditExtract(id, locale), locale),
                "evaluation-" + id + ".pdf",
                "application/pdf");
    }

    @PostMapping("/{id}/self-evaluation")
    String self(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale l) {
        refusals.attempt(
                redirect,
                l,
                () -> evaluations.selfEvaluate(
                        id, new EvaluationForms.SelfEvaluation(quantities(form), prefixed(form, "e_"))));
        return back(id);
    }

    @PostMapping("/{id}/expert-scores")
    String expert(
            @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale l) {
        refusals.attempt(
                redirect, l, () -> evaluations.scoreOwnSheet(id, new EvaluationForms.ExpertSheet(quantities(form))));
        return back(id);
    }

    /** The base office requests the panel's draw; the officer then commits and draws it on the draw's page. */
    @PostMapping("/{id}/panel-draw")
    String panelDraw(
            @PathVariable long id,
            @RequestParam(required = false) String fieldCodes,
            @RequestParam(required = false) Integer members,
            @RequestParam(required = false) Integer reserves,
            RedirectAttributes redirect,
            Locale l) {
        refusals.attempt(
                redirect,
                l,
                () -> panels.requestDraw(id, new EvaluationForms.PanelRequest(fieldCodes, members, reserves)));
        return back(id);
    }

    @PostMapping("/{id}/conclusion")
    String conclude(@PathVariable long id, RedirectAttributes redirect, Locale l) {
        refusals.attempt(redirect, l, () -> evaluations.conclude(id));
        return back(id);
    }

    @PostMapping("/{id}/rectification")
    String rectify(
            @PathVariable long id,
            @RequestParam(required = false) LocalDate deadline,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale l) {
        refusals.attempt(
                redirect,
                l,
                () -> evaluations.requireRectification(id, new EvaluationForms.Rectification(deadline, reason)));
        return back(id);
    }

    @PostMapping("/{id}/closing")
    String close(
            @PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect, Locale l) {
        refusals.attempt(redirect, l, () -> evaluations.close(id, new EvaluationForms.Closing(note)));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/programme/evaluations/" + id;
    }

    private static Map<String, String> prefixed(Map<String, String> form, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix) && v != null && !v.isBlank()) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static Map<String, BigDecimal> quantities(Map<String, String> form) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        prefixed(form, "q_").forEach((k, v) -> {
            try {
                out.put(k, new BigDecimal(v.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Map.of("quantities", "programme.error.evaluation-quantities"));
            }
        });
        return out;
    }
}
