package org.stdhub.research.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.stdhub.development.Alliances;
import org.stdhub.development.Notices;
import org.stdhub.research.Reports;
import org.stdhub.research.ResearchProjects;

/**
 * The research center's pages: research projects (published ones for anyone, a team's own for it), reports and
 * policy briefs, and the public page about the base with the latest of each module it may read.
 */
@Controller
class ResearchPageController {

    static final int LATEST = 5;

    private final ResearchProjects projects;
    private final Reports reports;
    private final Alliances alliances;
    private final Notices notices;

    ResearchPageController(ResearchProjects projects, Reports reports, Alliances alliances, Notices notices) {
        this.projects = projects;
        this.reports = reports;
        this.alliances = alliances;
        this.notices = notices;
    }

    @GetMapping("/research/projects")
    String projects(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("projects", projects.visible());
        model.addAttribute("reports", reports.search(q, null));
        model.addAttribute("q", q);
        return "research/projects";
    }

    @GetMapping("/research/projects/{id}")
    String project(@PathVariable long id, Model model) {
        model.addAttribute("project", projects.get(id));
        return "research/project";
    }

    @GetMapping("/about")
    String about(Model model) {
        model.addAttribute("latestProjects", projects.latestPublished(LATEST));
        model.addAttribute("latestReports", reports.latestPublished(LATEST));
        model.addAttribute(
                "latestAlliances",
                alliances.all().stream()
                        .sorted((a, b) -> Long.compare(b.id(), a.id()))
                        .limit(LATEST)
                        .toList());
        model.addAttribute("openNotices", notices.open().stream().limit(LATEST).toList());
        return "research/about";
    }
}
