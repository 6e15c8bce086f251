package org.stdhub.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.stdhub.audit.AuditEntry;
import org.stdhub.audit.AuditLinks;
import org.stdhub.audit.AuditLog;
import org.stdhub.audit.HistoryWords;

/**
 * An object's history in people's words, newest first, filterable by action, and as CSV. Both answer 404 (not
 * 403) to a signed-in person who may not read the history, exactly as for an object that does not exist, so that
 * neither tells whether the object exists; who may read which history, and what of it, is {@link AuditLog}'s
 * decision (personal data is withheld from everyone but administrators).
 */
@Controller
class HistoryController {

    private final AuditLog audit;
    private final AuditLinks links;
    private final HistoryWords words;
    private final Clock clock;

    HistoryController(AuditLog audit, AuditLinks links, HistoryWords words, Clock clock) {
        this.audit = audit;
        this.links = links;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/history/{objectType}/{objectId}")
    String history(
            @PathVariable String objectType,
            @PathVariable String objectId,
            @RequestParam(required = false) String action,
            Locale locale,
            Model model) {
        List<AuditEntry> all = audit.history(objectType, objectId);
        HistoryWords.Reader reader = words.forReader(locale);
        model.addAttribute("words", reader);
        model.addAttribute("objectTitle", reader.object(objectType, objectId).text());
        String chosen = action == null || action.isBlank() ? null : action.strip();
        model.addAttribute("objectType", objectType);
        model.addAttribute("objectId", objectId);
        model.addAttribute("action", chosen);
        model.addAttribute(
                "actions",
                all.stream().map(AuditEntry::action).distinct().sorted().toList());
        model.addAttribute("total", all.size());
        model.addAttribute("withheld", all.stream().anyMatch(AuditEntry::withholdsAny));
        model.addAttribute(
                "entries",
                chosen == null
                        ? all
                        : all.stream().filter(e -> e.action().equals(chosen)).toList());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("pageUrl", links.history(objectType, objectId));
        model.addAttribute("csvUrl", links.csv(objectType, objectId));
        return "audit/history";
    }

    @GetMapping("/history/{objectType}/{objectId}.csv")
    void csv(
            @PathVariable String objectType,
            @PathVariable String objectId,
            @RequestParam(required = false) String action,
            HttpServletResponse response)
            throws IOException {
        if (!audit.mayRead(objectType, objectId)) {
            throw AuditLog.notFound(objectType, objectId); // before anything is written: an error page, not a CSV
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("history-" + objectType + "-" + objectId + ".csv", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        Writer out = response.getWriter();
        audit.exportCsv(objectType, objectId, action == null || action.isBlank() ? null : action.strip(), out);
    }
}
