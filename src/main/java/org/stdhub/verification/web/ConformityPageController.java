package org.stdhub.verification.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.identity.StdHubUser;
import org.stdhub.platform.FormRefusals;
import org.stdhub.verification.ConformityForms;
import org.stdhub.verification.ConformityState;
import org.stdhub.verification.ConformityTestView;
import org.stdhub.verification.ConformityTests;
import org.stdhub.verification.ConformityTransition;
import org.stdhub.verification.Labs;

/**
 * Conformity testing pages: the list and request form ({@code /conformity-tests}), one request with its steps for
 * the enterprise and the lab, and the public report verification {@code /test-reports/{number}} with its PDF.
 */
@Controller
class ConformityPageController {

    private final ConformityTests tests;
    private final Labs labs;
    private final Organizations organizations;
    private final FormRefusals refusals;

    ConformityPageController(ConformityTests tests, Labs labs, Organizations organizations, FormRefusals refusals) {
        this.tests = tests;
        this.labs = labs;
        this.organizations = organizations;
        this.refusals = refusals;
    }

    @GetMapping("/conformity-tests")
    String list(@AuthenticationPrincipal StdHubUser me, Model model) {
        model.addAttribute("requests", tests.visible());
        Map<Long, String> enterprises = new LinkedHashMap<>();
        if (me != null) {
            for (Long id : me.organizationsWith(Role.ENTERPRISE_USER)) {
                enterprises.put(id, organizations.find(id).nameZh());
            }
        }
        model.addAttribute("enterprises", enterprises);
        model.addAttribute("labs", labs.list());
        return "verification/conformity-tests";
    }

    @PostMapping("/conformity-tests")
    String request(
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Long labId,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String samples,
            @RequestParam(required = false) LocalDate dueDate,
            @RequestParam(required = false) String standards,
            RedirectAttributes redirect,
            Locale locale) {
        ConformityTestView created = refusals.attempt(
                redirect,
                locale,
                () -> tests.request(new ConformityForms.NewRequest(
                        enterpriseId, labId, product, samples, dueDate, StandardLines.parse(standards))));
        if (created == null) {
            redirect.addFlashAttribute("form", new FormEcho(enterpriseId, labId, product, samples, dueDate, standards));
            return "redirect:/conformity-tests";
        }
        return "redirect:/conformity-tests/" + created.id();
    }

    /** What was typed into a refused request form, shown again. */
    record FormEcho(Long enterpriseId, Long labId, String product, String samples, LocalDate dueDate, String standards)
            implements Serializable {}

    @GetMapping("/conformity-tests/{id}")
    String request(@PathVariable long id, Model model) {
        ConformityTestView request = tests.get(id);
        model.addAttribute("request", request);
        model.addAttribute("transitions", ConformityTransition.values());
        model.addAttribute(
                "instruments",
                request.viewerIsLab() && request.state() == ConformityState.TESTING
                        ? labs.equipmentOf(request.labId())
                        : List.of());
        return "verification/conformity-test";
    }

    @PostMapping("/conformity-tests/{id}/transition")
    String transition(
            @PathVariable long id,
            @RequestParam(required = false) ConformityTransition transition,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> tests.transition(id, transition, note));
        return "redirect:/conformity-tests/" + id;
    }

    @PostMapping("/conformity-tests/{id}/results")
    String record(
            @PathVariable long id,
            @RequestParam(required = false) Long clauseId,
            @RequestParam(required = false) String measured,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) Long equipmentId,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> tests.record(
                        id, List.of(new ConformityForms.ClauseResult(clauseId, measured, unit, verdict, equipmentId))));
        return "redirect:/conformity-tests/" + id + "#clauses";
    }

    @PostMapping("/conformity-tests/{id}/report")
    String report(
            @PathVariable long id,
            @RequestParam(required = false) String conclusion,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> tests.issueReport(id, conclusion));
        return "redirect:/conformity-tests/" + id;
    }

    @GetMapping("/test-reports/{number}")
    String verification(@PathVariable String number, Model model) {
        var report = tests.report(number);
        model.addAttribute("report", report);
        model.addAttribute("qr", tests.qrCode(report.number()));
        return "verification/test-report";
    }

    @GetMapping("/test-reports/{number}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number, Locale locale) {
        byte[] body = tests.reportPdf(number, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"test-report.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(body);
    }

    /**
     * The standards-and-clauses text of the request form: a line not indented names a standard; each indented line
     * (or one starting with "-") under it is a clause, its number first, then the requirement.
     */
    static final class StandardLines {

        private StandardLines() {}

        static List<ConformityForms.StandardClauses> parse(String text) {
            List<ConformityForms.StandardClauses> result = new ArrayList<>();
            if (text == null) {
                return result;
            }
            String designation = null;
            List<ConformityForms.Clause> clauses = new ArrayList<>();
            for (String raw : text.split("\\R")) {
                if (raw.isBlank()) {
                    continue;
                }
                boolean clause =
                        Character.isWhitespace(raw.charAt(0)) || raw.strip().startsWith("-");
                if (!clause) {
                    if (designation != null) {
                        result.add(new ConformityForms.StandardClauses(designation, clauses));
                    }
                    designation = raw.strip();
                    clauses = new ArrayList<>();
                    continue;
                }
                String line = raw.strip();
                if (line.startsWith("-")) {
                    line = line.substring(1).strip();
                }
                int space = line.indexOf(' ');
                String number = space < 0 ? line : line.substring(0, space);
                String requirement =
                        space < 0 ? null : line.substring(space + 1).strip();
                if (designation == null) {
                    designation = "";
                }
                clauses.add(new ConformityForms.Clause(number, requirement));
            }
            if (designation != null) {
                result.add(new ConformityForms.StandardClauses(designation, clauses));
            }
            return result;
        }
    }
}
