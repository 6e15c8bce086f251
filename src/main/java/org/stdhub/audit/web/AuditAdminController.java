package org.stdhub.audit.web;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stdhub.audit.AuditFilter;
import org.stdhub.audit.AuditLog;
import org.stdhub.audit.HistoryWords;

/**
 * The whole audit log for administrators only (the base office included gets 403, as does {@link AuditLog#latest}):
 * latest entries with every value, client addresses and personal data included, filters, and verification of the
 * chain. Everyone else reads single objects' histories, as far as they may, at {@code /history/{type}/{id}}.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditAdminController {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final HistoryWords words;
    private final Clock clock;

    AuditAdminController(AuditLog audit, HistoryWords words, Clock clock) {
        this.audit = audit;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping
    String log(AuditFilter filter, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        model.addAttribute("words", words.forReader(locale));
        model.addAttribute("filter", filter);
        model.addAttribute("links", new LogLinks(filter));
        model.addAttribute("result", audit.latest(filter, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("zone", clock.getZone());
        return "audit/admin";
    }

    @PostMapping("/verify")
    String verify(Locale locale, Model model) {
        model.addAttribute("verification", audit.verify());
        return log(AuditFilter.all(), 0, locale, model);
    }
}
