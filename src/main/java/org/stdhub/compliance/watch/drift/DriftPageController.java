package org.stdhub.compliance.watch.drift;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.stdhub.catalog.Adoption;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.platform.RateLimited;
import org.stdhub.platform.UserFacingException;

/**
 * The adoption drift monitor (public, read-only catalog data): Chinese standards whose adopted international
 * standard was revised or withdrawn since, with filters, paging and export; also as JSON.
 */
@Controller
class DriftPageController {

    static final int PAGE_SIZE = 50;

    private final AdoptionDrift drift;
    private final DriftExport export;

    DriftPageController(AdoptionDrift drift, DriftExport export) {
        this.drift = drift;
        this.export = export;
    }

    @GetMapping("/compliance/drift")
    String page(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String ics,
            @RequestParam(required = false) String degree,
            @RequestParam(required = false) Integer minYears,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AdoptionDrift.Filter filter = filter(committee, ics, degree, minYears);
        model.addAttribute("filter", filter);
        model.addAttribute("result", drift.find(filter, page, PAGE_SIZE));
        model.addAttribute("degrees", Adoption.Degree.values());
        return "watch/drift";
    }

    @RateLimited
    @GetMapping("/compliance/drift/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String ics,
            @RequestParam(required = false) String degree,
            @RequestParam(required = false) Integer minYears,
            Locale locale) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new UserFacingException("drift.error.format", format);
        }
        var gaps = drift.all(filter(committee, ics, degree, minYears));
        boolean csv = format.equals("csv");
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("stdhub-adoption-drift-" + LocalDate.now() + "." + format)
                                .build()
                                .toString())
                .contentType(
                        csv
                                ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                                : MediaType.parseMediaType(DriftExport.XLSX))
                .body(csv ? export.csv(gaps, locale) : export.xlsx(gaps, locale));
    }

    @GetMapping("/api/v1/compliance/drift")
    @ResponseBody
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Adoption drift (public): Chinese standards whose adopted international standard was revised or"
                    + " withdrawn since; the page's filters (committee, ICS class, degree IDT/MOD/NEQ, at least"
                    + " minYears behind) and paging")
    AdoptionDrift.Page api(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String ics,
            @RequestParam(required = false) String degree,
            @RequestParam(required = false) Integer minYears,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return drift.find(filter(committee, ics, degree, minYears), page, size);
    }

    static AdoptionDrift.Filter filter(String committee, String ics, String degree, Integer minYears) {
        String d = degree == null || degree.isBlank() ? null : degree.strip();
        if (d != null) {
            try {
                Adoption.Degree.valueOf(d.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("drift.error.degree", d);
            }
        }
        if (minYears != null && (minYears < 0 || minYears > 200)) {
            throw new UserFacingException("drift.error.min-years");
        }
        return new AdoptionDrift.Filter(blankToNull(committee), blankToNull(ics), d, minYears);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
