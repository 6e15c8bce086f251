package org.stdhub.research.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.research.ResearchProjectForm;
import org.stdhub.research.ResearchProjectView;
import org.stdhub.research.ResearchProjects;

/** Research projects for machines (session or API token): the same service and rules as the pages. */
@RestController
@RequestMapping("/api/v1/research-projects")
class ResearchProjectApiController {

    private final ResearchProjects projects;

    ResearchProjectApiController(ResearchProjects projects) {
        this.projects = projects;
    }

    /** Body of a transition: an optional comment. */
    record Step(String comment) {}

    @Operation(summary = "The research projects the caller sees: published ones, their team's, or all (base office)")
    @GetMapping
    List<ResearchProjectView> list() {
        return projects.visible();
    }

    @Operation(summary = "One research project")
    @GetMapping("/{id}")
    ResearchProjectView get(@PathVariable long id) {
        return projects.get(id);
    }

    @Operation(summary = "Propose a research project (RESEARCHER or base office); the author joins the team")
    @PostMapping
    ResponseEntity<ResearchProjectView> propose(@RequestBody ResearchProjectForm form) {
        ResearchProjectView p = projects.propose(form);
        return ResponseEntity.created(URI.create("/api/v1/research-projects/" + p.id()))
                .body(p);
    }

    @Operation(summary = "Edit a research project (its team or the base office); the form replaces what it held")
    @PutMapping("/{id}")
    ResearchProjectView edit(@PathVariable long id, @RequestBody ResearchProjectForm form) {
        return projects.edit(id, form);
    }

    @Operation(summary = "Start a proposed research project (base office)")
    @PostMapping("/{id}/start")
    ResearchProjectView start(@PathVariable long id, @RequestBody(required = false) Step step) {
        return projects.transition(id, "start", step == null ? null : step.comment());
    }

    @Operation(summary = "Conclude an active research project (its team or the base office)")
    @PostMapping("/{id}/conclude")
    ResearchProjectView conclude(@PathVariable long id, @RequestBody(required = false) Step step) {
        return projects.transition(id, "conclude", step == null ? null : step.comment());
    }

    @Operation(summary = "Publish a research project (team or base office): anyone may read it then")
    @PostMapping("/{id}/publish")
    ResearchProjectView publish(@PathVariable long id) {
        return projects.publish(id);
    }
}
