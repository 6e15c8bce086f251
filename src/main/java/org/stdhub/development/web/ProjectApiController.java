package org.stdhub.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.development.BallotView;
import org.stdhub.development.Ballots;
import org.stdhub.development.NewBallot;
import org.stdhub.development.NewProject;
import org.stdhub.development.NotificationView;
import org.stdhub.development.Notifications;
import org.stdhub.development.ProjectEventView;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.development.PublicationRecord;
import org.stdhub.development.Publications;
import org.stdhub.development.StageTransitions;
import org.stdhub.development.Transition;

/** Projects, their transitions and ballots for machine clients: the same services and rules as the pages. */
@RestController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "development", description = "Alliances, group standard projects, stages and ballots")
class ProjectApiController {

    record TransitionRequest(String transition, String comment) {}

    record PublicationRequest(java.time.LocalDate publishedOn, java.time.LocalDate implementedOn, String comment) {}

    private final Projects projects;
    private final Ballots ballots;
    private final Publications publications;
    private final Notifications notifications;
    private final PublicationRecord record;
    private final org.stdhub.development.Promotions promotions;

    ProjectApiController(
            Projects projects,
            Ballots ballots,
            Publications publications,
            Notifications notifications,
            PublicationRecord record,
            org.stdhub.development.Promotions promotions) {
        this.record = record;
        this.promotions = promotions;
        this.projects = projects;
        this.ballots = ballots;
        this.publications = publications;
        this.notifications = notifications;
    }

    @GetMapping(path = "/{id}/publication-record.csv", produces = "text/csv")
    @Operation(
            summary = "The publication record of a published group standard with the fields of the national group"
                    + " standards platform, as CSV (UTF-8 with BOM); 409 before publication")
    ResponseEntity<byte[]> publicationRecord(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename("publication-record-" + id + ".csv")
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(record.csv(id));
    }

    @GetMapping("/{id}/promotions")
    @Operation(summary = "Proposals to promote the published group standard to an industry or national standard")
    List<org.stdhub.development.PromotionView> promotions(@PathVariable long id) {
        return promotions.of(id);
    }

    @PostMapping(path = "/{id}/promotions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Propose the published group standard (60.60/90.93) for an industry or national standard (the"
                    + " alliance's secretariat); 409 while another proposal is open")
    ResponseEntity<org.stdhub.development.PromotionView> propose(
            @PathVariable long id, @RequestBody org.stdhub.development.Promotions.NewPromotion body) {
        var created = promotions.propose(id, body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/promotions"))
                .body(created);
    }

    @GetMapping("/{id}/notifications")
    @Operation(
            summary = "The project's e-mails in the outbox with their delivery (status, attempts, next attempt, last"
                    + " error): for the alliance's secretariat and the base office")
    List<NotificationView> notifications(@PathVariable long id) {
        return notifications.ofProject(id);
    }

    @PostMapping(path = "/{id}/publication", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Publish at 60.00 (the alliance's secretariat): assigns T/XXX n-yyyy, publishes the standard into"
                    + " the catalog and moves the project to 60.60")
    ProjectView publish(@PathVariable long id, @RequestBody PublicationRequest body) {
        return publications.publish(id, body.publishedOn(), body.implementedOn(), body.comment());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a project (a member of the alliance); it starts at stage 00.00")
    ResponseEntity<ProjectView> propose(@RequestBody NewProject body) {
        ProjectView created = projects.propose(body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project: stage, next action, deadline, and the transitions the caller may make now")
    ProjectView get(@PathVariable long id) {
        return projects.get(id);
    }

    @GetMapping("/{id}/transitions")
    @Operation(summary = "The project's timeline: every transition with actor, comment and time")
    List<ProjectEventView> timeline(@PathVariable long id) {
        return projects.timeline(id);
    }

    @PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Make a transition (the alliance's secretariat): 403 for anyone else, 409 naming the stage or the"
                    + " missing condition (problem members transition and missing)")
    ProjectView transition(@PathVariable long id, @RequestBody TransitionRequest body) {
        return projects.transition(id, body.transition(), body.comment());
    }

    @GetMapping("/transition-table")
    @Operation(summary = "The stage state machine: every transition with its stages, parties and conditions")
    List<Transition> table() {
        return StageTransitions.all();
    }

    @GetMapping("/{id}/ballots")
    @Operation(summary = "The project's ballots")
    List<BallotView> ballots(@PathVariable long id) {
        return ballots.ofProject(id);
    }

    @PostMapping(path = "/{id}/ballots", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a ballot at 10.00 or 40.00 (the alliance's secretariat); the project moves to x.20")
    ResponseEntity<BallotView> openBallot(@PathVariable long id, @RequestBody NewBallot body) {
        BallotView created = ballots.open(id, body);
        return ResponseEntity.created(URI.create("/api/v1/ballots/" + created.id()))
                .body(created);
    }
}
