package org.stdhub.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.development.AllianceSettings;
import org.stdhub.development.AllianceView;
import org.stdhub.development.Alliances;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;

/** Alliances for machine clients: read by anyone, registered by the base office, configured by their secretariat. */
@RestController
@RequestMapping(path = "/api/v1/alliances", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "development", description = "Alliances, group standard projects, stages and ballots")
class AllianceApiController {

    record NewAlliance(long organizationId, String groupCode) {}

    private final Alliances alliances;
    private final Projects projects;
    private final org.stdhub.development.AllianceDirectory directory;

    record NewWorkingGroup(String name, Long convenorId) {}

    record NewMember(Long personId) {}

    @GetMapping("/{id}/directory")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "The alliance's member organizations with representatives, secretariat and working groups")
    org.stdhub.development.AllianceDirectory.Directory directory(@PathVariable long id) {
        return directory.of(id);
    }

    @PostMapping(path = "/{id}/working-groups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Set up a working group with its convenor, a person of the alliance (the secretariat)")
    org.stdhub.development.AllianceDirectory.WorkingGroupView createWorkingGroup(
            @PathVariable long id, @RequestBody NewWorkingGroup body) {
        return directory.createWorkingGroup(id, body.name(), body.convenorId() == null ? -1 : body.convenorId());
    }

    @PostMapping(path = "/{id}/working-groups/{group}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Add a person of the alliance to a working group (the secretariat)")
    org.stdhub.development.AllianceDirectory.WorkingGroupView addWorkingGroupMember(
            @PathVariable long id, @PathVariable long group, @RequestBody NewMember body) {
        return directory.addMember(id, group, body.personId() == null ? -1 : body.personId());
    }

    AllianceApiController(Alliances alliances, Projects projects, org.stdhub.development.AllianceDirectory directory) {
        this.directory = directory;
        this.alliances = alliances;
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "Every alliance with its group code and the settings in force today")
    List<AllianceView> list() {
        return alliances.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One alliance")
    AllianceView get(@PathVariable long id) {
        return alliances.get(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Register an organization of kind alliance with its group code T/XXX (base office); 400 when the"
                    + " code is a national, industry or local prefix, 409 when another alliance holds it")
    ResponseEntity<AllianceView> register(@RequestBody NewAlliance body) {
        AllianceView created = alliances.register(body.organizationId(), body.groupCode());
        return ResponseEntity.created(URI.create("/api/v1/alliances/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}/settings")
    @Operation(summary = "The alliance's durations and thresholds, effective-dated, oldest first")
    List<AllianceSettings> settings(@PathVariable long id) {
        return alliances.settingsHistory(id);
    }

    @PostMapping(path = "/{id}/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set durations and thresholds from a day on (the alliance's secretariat or the base office)")
    AllianceSettings changeSettings(@PathVariable long id, @RequestBody Alliances.NewSettings body) {
        return alliances.changeSettings(id, body);
    }

    @GetMapping("/{id}/projects")
    @Operation(summary = "The alliance's projects with their stages")
    List<ProjectView> projects(@PathVariable long id) {
        return projects.ofAlliance(id);
    }
}
