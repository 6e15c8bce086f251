package org.stdhub.talent.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.platform.NotFoundException;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertStatus;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.ExpertView;
import org.stdhub.talent.Experts;

/** The expert database for machines (session or API token): the same service as the pages. */
@RestController
@RequestMapping("/api/v1/experts")
class ExpertApiController {

    private final Experts experts;
    private final org.stdhub.talent.Draws draws;

    ExpertApiController(Experts experts, org.stdhub.talent.Draws draws) {
        this.experts = experts;
        this.draws = draws;
    }

    /** The base office's search: text (name, keyword, class), status, region. */
    @GetMapping
    List<ExpertView> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ExpertStatus status,
            @RequestParam(required = false) String region) {
        return experts.search(new ExpertForms.Filter(q, status, region));
    }

    /** The signed-in person applies. */
    @PostMapping
    ResponseEntity<ExpertView> apply(@RequestBody ExpertForms.ProfileForm form) {
        ExpertView created = experts.apply(form);
        return ResponseEntity.created(URI.create("/api/v1/experts/" + created.id()))
                .body(created);
    }

    /** The base office enters a person. */
    @PostMapping("/people/{personId}")
    ResponseEntity<ExpertView> enter(@PathVariable long personId, @RequestBody ExpertForms.ProfileForm form) {
        ExpertView created = experts.enter(personId, form);
        return ResponseEntity.created(URI.create("/api/v1/experts/" + created.id()))
                .body(created);
    }

    @GetMapping("/me")
    ExpertView mine() {
        return experts.mine().orElseThrow(() -> new NotFoundException("talent.error.no-expert"));
    }

    @GetMapping("/{id}")
    ExpertView get(@PathVariable long id) {
        return experts.get(id);
    }

    @PutMapping("/{id}")
    ExpertView change(@PathVariable long id, @RequestBody ExpertForms.ProfileForm form) {
        return experts.change(id, form);
    }

    @PostMapping("/{id}/employments")
    ExpertView addEmployment(@PathVariable long id, @RequestBody ExpertForms.EmploymentForm form) {
        return experts.addEmployment(id, form);
    }

    @PostMapping("/{id}/relations")
    ExpertView addRelation(@PathVariable long id, @RequestBody ExpertForms.RelationForm form) {
        return experts.addRelation(id, form);
    }

    /** A committee membership: committee name, role, from/to dates. */
    @PostMapping("/{id}/committees")
    ExpertView addCommittee(@PathVariable long id, @RequestBody ExpertForms.CommitteeForm form) {
        return experts.addCommittee(id, form);
    }

    /** A standard drafted: designation (e.g. GB/T 1.1-2020), optional title and part. */
    @PostMapping("/{id}/drafted-standards")
    ExpertView addDraftedStandard(@PathVariable long id, @RequestBody ExpertForms.DraftedStandardForm form) {
        return experts.addDraftedStandard(id, form);
    }

    /**
     * The draw's responsible officer rates the expert's review (1–5 with a note) once the draw's decision is
     * recorded; the answer is the expert with their record of reviews.
     */
    @PostMapping("/{id}/reviews/{drawId}/rating")
    ExpertView rate(
            @PathVariable long id, @PathVariable long drawId, @RequestBody org.stdhub.talent.DrawForms.Rating form) {
        experts.get(id); // 404 unless the viewer may see the expert
        draws.rate(drawId, id, form);
        return experts.get(id);
    }

    /** One transition of the table, e.g. {@code POST /api/v1/experts/7/approve} (body: optional {@code reason}). */
    @PostMapping({
        "/{id}/start-review",
        "/{id}/approve",
        "/{id}/reject",
        "/{id}/suspend",
        "/{id}/reactivate",
        "/{id}/retire"
    })
    ExpertView transition(
            @PathVariable long id,
            @RequestBody(required = false) ExpertForms.TransitionForm form,
            jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        String action = uri.substring(uri.lastIndexOf('/') + 1);
        return experts.transition(id, ExpertTransition.ofAction(action), form == null ? null : form.reason());
    }
}
