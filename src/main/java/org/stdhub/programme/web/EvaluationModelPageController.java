package org.stdhub.programme.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.programme.EvaluationModelForm;
import org.stdhub.programme.EvaluationModelView;
import org.stdhub.programme.EvaluationModels;

/**
 * The evaluation models page ({@code /programme/evaluation-models}): every model with its numbers and standing, and
 * for the base office the form of the next one, filled in with the latest model's numbers. A refused form comes back
 * with what was typed and the message next to each field.
 */
@Controller
@RequestMapping("/programme/evaluation-models")
class EvaluationModelPageController {

    private final EvaluationModels models;
    private final FormRefusals refusals;
    private final java.time.Clock clock;

    EvaluationModelPageController(EvaluationModels models, FormRefusals refusals, java.time.Clock clock) {
        this.models = models;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping
    String page(Model model) {
        List<EvaluationModelView> all = models.list();
        EvaluationModelView latest = all.getLast();
        LocalDate next = LocalDate.now(clock).plusMonths(1).withDayOfMonth(1);
        return show(model, all, EvaluationModelForm.of(latest.model(), next), Map.of());
    }

    @PostMapping
    String define(
            @RequestParam Map<String, String> params,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Locale locale) {
        EvaluationModelForm form = new EvaluationModelForm(
                date(params.get("effectiveFrom")),
                numbers(params, "weight_"),
                numbers(params, "points_"),
                numbers(params, "cap_"),
                number(params.get("excellent")),
                number(params.get("good")),
                number(params.get("pass")),
                params.get("reason"));
        try {
            EvaluationModelView defined = models.define(form);
            redirect.addFlashAttribute("defined", defined.effectiveFrom());
            return "redirect:/programme/evaluation-models";
        } catch (InvalidInputException e) {
            // the page again with what was typed and each field's message
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(model, models.list(), form, e.fieldErrors());
        } catch (org.stdhub.platform.UserFacingException e) {
            refusals.flash(e, redirect, locale);
            return "redirect:/programme/evaluation-models";
        }
    }

    @PostMapping("/{effectiveFrom}/withdraw")
    String withdraw(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> {
            models.withdraw(effectiveFrom, reason);
            return effectiveFrom;
        });
        return "redirect:/programme/evaluation-models";
    }

    private String show(
            Model model, List<EvaluationModelView> all, EvaluationModelForm form, Map<String, String> fieldErrors) {
        model.addAttribute("models", all.reversed());
        model.addAttribute("structure", EvaluationModels.structure());
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        return "programme/evaluation-models";
    }

    private static Map<String, BigDecimal> numbers(Map<String, String> params, String prefix) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), number(v));
            }
        });
        return out;
    }

    /** A number as typed (full-width digits too); null when blank or unreadable, which the service refuses. */
    private static BigDecimal number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFKC));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
