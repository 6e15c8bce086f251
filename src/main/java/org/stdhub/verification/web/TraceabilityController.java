package org.stdhub.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.stdhub.platform.FormRefusals;
import org.stdhub.verification.Traceability;
import org.stdhub.verification.TraceabilityView;

/**
 * Traceability: the page {@code /standards/traceability?designation=…} and {@code GET
 * /api/v1/standards/{designation}/traceability}. The designation travels URL-encoded in one path segment ({@code
 * T%2FDEMO%201-2026}); these fixed paths are more specific than the catalog's {@code /standards/{*designation}}, so
 * they do not clash (a designation never ends in "/traceability", and none is "traceability"). Recording a clause's
 * origin is under {@code /api/v1/traceability/…} and {@code /traceability/…}, outside the catalog's public paths.
 */
@Controller
@Tag(name = "verification", description = "Conformity testing, evaluations of standards, traceability")
class TraceabilityController {

    record OriginRequest(
            String designation, String clause, String requirement, String researchResult, String patentNumber) {}

    private final Traceability traceability;
    private final FormRefusals refusals;

    TraceabilityController(Traceability traceability, FormRefusals refusals) {
        this.traceability = traceability;
        this.refusals = refusals;
    }

    @GetMapping("/standards/traceability")
    String page(@RequestParam(required = false) String designation, Model model) {
        if (designation != null && !designation.isBlank()) {
            model.addAttribute("trace", traceability.of(designation));
        }
        model.addAttribute("designation", designation);
        return "verification/traceability";
    }

    @PostMapping("/traceability/clauses")
    String record(
            @RequestParam(required = false) String designation,
            @RequestParam(required = false) String clause,
            @RequestParam(required = false) String requirement,
            @RequestParam(required = false) String researchResult,
            @RequestParam(required = false) String patentNumber,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> traceability.record(
                        designation, new Traceability.OriginForm(clause, requirement, researchResult, patentNumber)));
        return "redirect:/standards/traceability?designation="
                + UriUtils.encodeQueryParam(designation == null ? "" : designation, StandardCharsets.UTF_8);
    }

    @GetMapping(path = "/api/v1/standards/{designation}/traceability", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(
            summary =
                    "Traceability of a standard (designation URL-encoded as one path segment): per clause the research"
                            + " result and patent it came from, the verification evidence and the conformity tests reported")
    TraceabilityView api(@PathVariable String designation) {
        return traceability.of(decoded(designation));
    }

    @PostMapping(
            path = "/api/v1/traceability/clauses",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(
            summary =
                    "Record where a clause came from (the project's alliance secretariat or the base office): research"
                            + " result and a patent declared on the project")
    TraceabilityView recordApi(@RequestBody OriginRequest body) {
        return traceability.record(
                body == null ? null : body.designation(),
                body == null
                        ? null
                        : new Traceability.OriginForm(
                                body.clause(), body.requirement(), body.researchResult(), body.patentNumber()));
    }

    /** Tomcat passes an encoded slash through undecoded: "T%2FDEMO 1-2026" → "T/DEMO 1-2026". */
    static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
