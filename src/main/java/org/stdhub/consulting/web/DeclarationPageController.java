package org.stdhub.consulting.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.consulting.DeclarationForm;
import org.stdhub.consulting.DeclarationView;
import org.stdhub.consulting.Declarations;
import org.stdhub.consulting.FrontRunners;
import org.stdhub.consulting.IndicatorDirection;
import org.stdhub.platform.FormRefusals;

/**
 * Self-declaration pages: the public listing with search, one declaration with its versions and flags, the
 * front-runner comparison, and (for an enterprise's ENTERPRISE_USER) the form to declare or update.
 */
@Controller
@RequestMapping("/declarations")
class DeclarationPageController {

    static final int INDICATOR_ROWS = 6;
    static final int MANDATORY_ROWS = 4;

    private final Declarations declarations;
    private final FrontRunners frontRunners;
    private final FormRefusals refusals;

    DeclarationPageController(Declarations declarations, FrontRunners frontRunners, FormRefusals refusals) {
        this.declarations = declarations;
        this.frontRunners = frontRunners;
        this.refusals = refusals;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String standard,
            Authentication auth,
            Model model) {
        model.addAttribute("declarations", declarations.search(enterprise, product, standard));
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("product", product);
        model.addAttribute("standard", standard);
        model.addAttribute("signedIn", signedIn(auth));
        return "consulting/declarations";
    }

    @GetMapping("/front-runners")
    String frontRunners(@RequestParam(required = false) String productClass, Model model) {
        model.addAttribute("classes", frontRunners.productClasses());
        model.addAttribute("productClass", productClass);
        model.addAttribute("rankings", frontRunners.compare(productClass));
        return "consulting/front-runners";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Authentication auth, Model model) {
        model.addAttribute("d", declarations.get(id));
        model.addAttribute("mayEdit", signedIn(auth) && declarations.mayEdit(id));
        return "consulting/declaration";
    }

    @GetMapping("/new")
    String newForm(Authentication auth, Model model) {
        if (!signedIn(auth)) {
            return "redirect:/login";
        }
        return form(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Authentication auth, Model model) {
        if (!signedIn(auth)) {
            return "redirect:/login";
        }
        return form(model, declarations.get(id));
    }

    private String form(Model model, DeclarationView current) {
        model.addAttribute("enterprises", declarations.myEnterprises());
        model.addAttribute("d", current);
        model.addAttribute("directions", IndicatorDirection.values());
        List<DeclarationView.Indicator> indicators =
                new ArrayList<>(current == null ? List.of() : current.indicators());
        List<DeclarationView.Indicator> mandatory =
                new ArrayList<>(current == null ? List.of() : current.mandatoryIndicators());
        while (indicators.size() < INDICATOR_ROWS) {
            indicators.add(null);
        }
        while (mandatory.size() < MANDATORY_ROWS) {
            mandatory.add(null);
        }
        model.addAttribute("indicatorRows", indicators);
        model.addAttribute("mandatoryRows", mandatory);
        if (current != null) {
            model.addAttribute(
                    "catalogText",
                    String.join(
                            "\n",
                            current.standards().stream()
                                    .filter(s -> !s.enterprise())
                                    .map(DeclarationView.Standard::designation)
                                    .toList()));
            current.standards().stream()
                    .filter(DeclarationView.Standard::enterprise)
                    .findFirst()
                    .ifPresent(s -> {
                        model.addAttribute("enterpriseStandard", s.designation());
                        model.addAttribute("enterpriseStandardTitle", s.title());
                    });
        }
        return "consulting/declaration-form";
    }

    @PostMapping
    String declare(
            @RequestParam(required = false) Long organizationId,
            FormFields fields,
            Locale locale,
            RedirectAttributes redirect) {
        DeclarationView created =
                refusals.attempt(redirect, locale, () -> declarations.declare(fields.form(organizationId), locale));
        if (created == null) {
            return "redirect:/declarations/new";
        }
        redirect.addFlashAttribute("notice", "consulting.declaration.declared");
        return "redirect:/declarations/" + created.id();
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, FormFields fields, Locale locale, RedirectAttributes redirect) {
        DeclarationView updated =
                refusals.attempt(redirect, locale, () -> declarations.update(id, fields.form(null), locale));
        if (updated == null) {
            return "redirect:/declarations/" + id + "/edit";
        }
        redirect.addFlashAttribute("notice", "consulting.declaration.updated");
        return "redirect:/declarations/" + id;
    }

    /** The form's fields as posted: indicator rows as parallel lists (blank rows are ignored by the service). */
    record FormFields(
            String product,
            String productClass,
            String description,
            String catalogStandards,
            String enterpriseStandard,
            String enterpriseStandardTitle,
            List<String> indicatorName,
            List<String> indicatorValue,
            List<String> indicatorUnit,
            List<String> indicatorDirection,
            List<String> mandatoryName,
            List<String> mandatoryRequirement,
            List<String> mandatoryStandard,
            List<String> mandatoryTestMethod) {

        DeclarationForm form(Long organizationId) {
            List<DeclarationForm.Indicator> indicators = new ArrayList<>();
            for (int i = 0; i < size(indicatorName); i++) {
                String direction = at(indicatorDirection, i);
                IndicatorDirection d = null;
                if (direction != null && !direction.isBlank()) {
                    try {
                        d = IndicatorDirection.valueOf(direction);
                    } catch (IllegalArgumentException e) {
                        d = null;
                    }
                }
                indicators.add(new DeclarationForm.Indicator(
                        at(indicatorName, i), at(indicatorValue, i), at(indicatorUnit, i), d));
            }
            List<DeclarationForm.MandatoryIndicator> mandatory = new ArrayList<>();
            for (int i = 0; i < size(mandatoryName); i++) {
                mandatory.add(new DeclarationForm.MandatoryIndicator(
                        at(mandatoryName, i),
                        at(mandatoryRequirement, i),
                        at(mandatoryStandard, i),
                        at(mandatoryTestMethod, i)));
            }
            return new DeclarationForm(
                    organizationId,
                    product,
                    productClass,
                    description,
                    catalogStandards == null ? List.of() : Arrays.asList(catalogStandards.split("[\\r\\n]+")),
                    enterpriseStandard,
                    enterpriseStandardTitle,
                    indicators,
                    mandatory);
        }

        private static int size(List<String> list) {
            return list == null ? 0 : Math.min(list.size(), 50);
        }

        private static String at(List<String> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
