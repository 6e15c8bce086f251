package org.stdhub.research.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.stdhub.programme.Committees;
import org.stdhub.research.CommitteeOpinions;
import org.stdhub.research.Reports;
import org.stdhub.research.ResearchProjects;
import org.stdhub.research.site.LatestOfEach;

/**
 * The research center's pages: research projects (published ones for anyone, a team's own for it), reports and
 * policy briefs, and the public page about the base with the latest of each module it may read.
 */
@Controller
class ResearchPageController {

    static final int LATEST = 5;

    private final ResearchProjects projects;
    private final Reports reports;
    private final LatestOfEach latest;
    private final CommitteeOpinions opinions;

    ResearchPageController(
            ResearchProjects projects, Reports reports, LatestOfEach latest, CommitteeOpinions opinions) {
        this.projects = projects;
        this.reports = reports;
        this.latest = latest;
        this.opinions = opinions;
    }

    @GetMapping("/research/projects")
    String projects(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("projects", projects.visible());
        model.addAttribute("reports", reports.search(q, null));
        model.addAttribute("q", q);
        return "research/projects";
    }

    @GetMapping("/research/projects/{id}")
    String project(@PathVariable long id, Model model, org.springframework.security.core.Authentication auth) {
        model.addAttribute("project", projects.get(id));
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        var meetings = signedIn ? opinions.meetings() : java.util.List.<Committees.MeetingRef>of();
        model.addAttribute("opinions", signedIn ? opinions.on(id) : null);
        model.addAttribute("meetings", meetings);
        model.addAttribute("office", signedIn && projects.office());
        return "research/project";
    }

    @GetMapping("/about")
    String about(Model model) {
        model.addAttribute("latestProjects", projects.latestPublished(LATEST));
        model.addAttribute("latestReports", reports.latestPublished(LATEST));
        model.addAttribute("latestSection", java.util.Map.of("latest", latest.gather()));
        return "research/about";
    }
}
