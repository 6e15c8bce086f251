package org.stdhub.research.web;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.stdhub.consulting.Enquiries;
import org.stdhub.research.Analytics;
import org.stdhub.research.Pipeline;

/**
 * The base office's dashboard beside the public one: the workflow figures (pipeline, verification, training,
 * enquiries), the standards whose systematic review is overdue, the enquiries past their deadline, each with a link
 * to the records behind it. Signed-in base officers and administrators only.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
class OfficeDashboardController {

    static final int PAST_DEADLINE_LISTED = 20;

    private final Analytics analytics;
    private final Enquiries enquiries;
    private final FigureLabels labels;

    OfficeDashboardController(Analytics analytics, Enquiries enquiries, FigureLabels labels) {
        this.analytics = analytics;
        this.enquiries = enquiries;
        this.labels = labels;
    }

    @GetMapping("/analytics/office")
    String dashboard(Model model, Locale locale) {
        Pipeline pipeline = analytics.pipeline();
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("groups", Pipeline.GROUPS);
        model.addAttribute("workflows", analytics.workflows());
        model.addAttribute(
                "overdueReviews",
                FigureTable.of(analytics.figure(Analytics.REVIEW_OVERDUE).orElseThrow(), labels, locale));
        model.addAttribute("pastDeadlineCount", analytics.enquiriesPastDeadline());
        model.addAttribute("pastDeadline", enquiries.pastDeadline(PAST_DEADLINE_LISTED));
        model.addAttribute(
                "overdueReviewTotal",
                overdueTotal(
                        analytics.figure(Analytics.REVIEW_OVERDUE).orElseThrow().rows()));
        return "research/office";
    }

    private static long overdueTotal(List<org.stdhub.research.Figure.Row> rows) {
        return rows.stream().mapToLong(r -> r.extra() == null ? 0 : r.extra()).sum();
    }
}
