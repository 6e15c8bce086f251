package org.stdhub.verification.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.verification.EvaluationForms;
import org.stdhub.verification.EvaluationView;
import org.stdhub.verification.Evaluations;
import org.stdhub.verification.evaluation.EconomicBenefit;

/** Evaluation pages: the list ({@code /evaluations}), one evaluation with its steps, and its PDF report. */
@Controller
@RequestMapping("/evaluations")
class EvaluationPageController {

    private final Evaluations evaluations;
    private final FormRefusals refusals;

    EvaluationPageController(Evaluations evaluations, FormRefusals refusals) {
        this.evaluations = evaluations;
        this.refusals = refusals;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("evaluations", evaluations.list());
        return "verification/evaluations";
    }

    @PostMapping
    String create(@RequestParam(required = false) String designation, RedirectAttributes redirect, Locale locale) {
        EvaluationView created = refusals.attempt(
                redirect, locale, () -> evaluations.create(new EvaluationForms.NewEvaluation(designation)));
        return created == null ? "redirect:/evaluations" : "redirect:/evaluations/" + created.id();
    }

    @GetMapping("/{id}")
    String get(@PathVariable long id, Model model) {
        model.addAttribute("e", evaluations.get(id));
        model.addAttribute("inputNames", EconomicBenefit.INPUTS);
        return "verification/evaluation";
    }

    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"evaluation-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(evaluations.reportPdf(id, locale));
    }

    @PostMapping("/{id}/panel")
    String panel(
            @PathVariable long id,
            @RequestParam(required = false) Long drawId,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> evaluations.linkPanel(id, new EvaluationForms.Panel(drawId)));
        return back(id);
    }

    @PostMapping("/{id}/scoring")
    String scoring(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, () -> evaluations.startScoring(id));
        return back(id);
    }

    @PostMapping("/{id}/inputs")
    String input(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String source,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> evaluations.setInput(id, new EvaluationForms.Input(name, number(amount, "amount"), source)));
        return back(id);
    }

    @PostMapping("/{id}/drivers")
    String driver(
            @PathVariable long id,
            @RequestParam(required = false) String businessFunction,
            @RequestParam(required = false) String driver,
            @RequestParam(required = false) String baselineCost,
            @RequestParam(required = false) String costWith,
            @RequestParam(required = false) String baselineRevenue,
            @RequestParam(required = false) String revenueWith,
            @RequestParam(required = false) String margin,
            @RequestParam(required = false) String source,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> evaluations.addDriver(
                        id,
                        new EvaluationForms.Driver(
                                businessFunction,
                                driver,
                                number(baselineCost, "amount"),
                                number(costWith, "amount"),
                                number(baselineRevenue, "amount"),
                                number(revenueWith, "amount"),
                                number(margin, "margin"),
                                source)));
        return back(id);
    }

    @PostMapping("/{id}/indicators")
    String indicator(
            @PathVariable long id,
            @RequestParam(required = false) String internationalDesignation,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String nationalValue,
            @RequestParam(required = false) String internationalValue,
            @RequestParam(required = false) String assessment,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> evaluations.addIndicator(
                        id,
                        new EvaluationForms.Indicator(
                                internationalDesignation, indicator, nationalValue, internationalValue, assessment)));
        return back(id);
    }

    @PostMapping("/{id}/responses")
    String respond(
            @PathVariable long id,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Integer clarity,
            @RequestParam(required = false) Integer feasibility,
            @RequestParam(required = false) Integer costFit,
            @RequestParam(required = false) Integer effect,
            @RequestParam(required = false) String remarks,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> evaluations.respond(
                        id,
                        new EvaluationForms.Response(enterpriseId, clarity, feasibility, costFit, effect, remarks)));
        return back(id);
    }

    @PostMapping("/{id}/sign-off")
    String signOff(
            @PathVariable long id,
            @RequestParam(required = false) String conclusion,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> evaluations.signOff(id, new EvaluationForms.SignOff(conclusion)));
        return back(id);
    }

    @PostMapping("/{id}/issue")
    String issue(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, () -> evaluations.issue(id));
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/evaluations/" + id;
    }

    /** A decimal typed into a form; a malformed one is refused as bad input of that field. */
    private static BigDecimal number(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(java.util.Map.of(field, "verification.evaluation.error." + field));
        }
    }
}
