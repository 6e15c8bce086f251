package org.stdhub.compliance.watch.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.compliance.watch.Alerts;

/** The in-app notification list: alerts of my lists and my organizations' lists, unread first. */
@Controller
@RequestMapping("/alerts")
class AlertPageController {

    private final Alerts alerts;

    AlertPageController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    String list(Locale locale, Model model) {
        model.addAttribute("alerts", alerts.mine(locale));
        model.addAttribute("limit", Alerts.PAGE_LIMIT);
        return "watch/alerts";
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable long id) {
        alerts.markRead(id);
        return "redirect:/alerts";
    }

    @PostMapping("/read")
    String markAllRead(RedirectAttributes redirect) {
        alerts.markAllRead(null);
        redirect.addFlashAttribute("notice", "alert.all-read");
        return "redirect:/alerts";
    }
}
