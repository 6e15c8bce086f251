package org.stdhub.compliance.check.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckInputException;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.compliance.Verdict;
import org.stdhub.compliance.check.CheckExport;
import org.stdhub.compliance.check.CheckTexts;
import org.stdhub.compliance.check.ListReader;
import org.stdhub.platform.RateLimited;

/**
 * The validity check page: paste a list or upload a file, see a verdict per line, export the result (the list
 * is posted again: nothing is kept between requests), save it as a watchlist when signed in.
 */
@Controller
@RequestMapping("/compliance")
class CheckPageController {

    static final String VIEW = "compliance/check";

    /** Bootstrap badge classes per verdict (colour plus words: never colour alone). */
    static final Map<Verdict, String> STYLES = styles();

    private final ValidityCheck check;
    private final ListReader reader;
    private final CheckExport export;
    private final CheckTexts texts;

    CheckPageController(ValidityCheck check, ListReader reader, CheckExport export, CheckTexts texts) {
        this.check = check;
        this.reader = reader;
        this.export = export;
        this.texts = texts;
    }

    @GetMapping({"", "/"})
    String index() {
        return "redirect:/compliance/check";
    }

    @GetMapping("/check")
    String form(Principal principal, Model model) {
        prepare(model, principal != null, texts);
        return VIEW;
    }

    @PostMapping("/check")
    String check(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String column,
            Principal principal,
            Locale locale,
            Model model,
            HttpServletResponse response)
            throws IOException {
        boolean signedIn = principal != null;
        prepare(model, signedIn, texts);
        model.addAttribute("text", text);
        model.addAttribute("column", column);
        try {
            List<CheckEntry> entries = file != null && !file.isEmpty()
                    ? reader.readFile(file.getOriginalFilename(), file.getBytes(), column, signedIn)
                    : reader.readText(text);
            CheckReport report = check.check(entries, signedIn, locale);
            model.addAttribute("report", report);
            model.addAttribute("exportText", exportText(entries));
        } catch (CheckInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", texts.message(e.messageKey(), locale, e.args()));
        }
        return VIEW;
    }

    @RateLimited
    @PostMapping("/check/export")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String text,
            Principal principal,
            Locale locale)
            throws IOException {
        if (!format.equals("xlsx") && !format.equals("pdf")) {
            throw new CheckInputException("compliance.error.export-format", format);
        }
        CheckReport report = check.check(reader.readText(text), principal != null, locale);
        boolean xlsx = format.equals("xlsx");
        byte[] body = xlsx ? export.xlsx(report, locale) : export.pdf(report, locale);
        String stamp = texts.stamp(report.checkedAt());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("stdhub-check-" + stamp + "." + format)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(xlsx ? CheckExport.XLSX : CheckExport.PDF))
                .body(body);
    }

    /** What every rendering of the page needs, also when an upload was refused before reaching a controller. */
    static void prepare(Model model, boolean signedIn, CheckTexts texts) {
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("limit", signedIn ? ValidityCheck.SIGNED_IN_LIMIT : ValidityCheck.ANONYMOUS_LIMIT);
        model.addAttribute("signedInLimit", ValidityCheck.SIGNED_IN_LIMIT);
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("styles", STYLES);
        model.addAttribute("texts", texts);
    }

    /**
     * The checked lines as text with each entry on its own line number (blank lines between), so that the
     * export, which posts this text again from a hidden textarea, numbers the lines as the file did.
     */
    static String exportText(List<CheckEntry> entries) {
        // HTML drops a newline right after <textarea>: this one, so that the text's own first line survives
        StringBuilder out = new StringBuilder("\n");
        int line = 1;
        for (CheckEntry e : entries) {
            while (line < e.line()) {
                out.append('\n');
                line++;
            }
            out.append(e.text().replace('\n', ' ').replace('\r', ' '));
        }
        return out.toString();
    }

    private static Map<Verdict, String> styles() {
        Map<Verdict, String> m = new EnumMap<>(Verdict.class);
        m.put(Verdict.CURRENT, "text-bg-success");
        m.put(Verdict.UPCOMING, "text-bg-info");
        m.put(Verdict.EDITION_OUTDATED, "text-bg-warning");
        m.put(Verdict.WITHDRAWN_REPLACED, "text-bg-danger");
        m.put(Verdict.WITHDRAWN_NO_REPLACEMENT, "text-bg-danger");
        m.put(Verdict.STATUS_UNKNOWN, "text-bg-secondary");
        m.put(Verdict.NOT_FOUND, "text-bg-light border");
        m.put(Verdict.UNREADABLE, "text-bg-dark");
        return Map.copyOf(m);
    }
}
