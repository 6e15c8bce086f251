package org.stdhub.talent.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;
import org.stdhub.platform.NotFoundException;
import org.stdhub.talent.ExpertAvailability;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertPage;
import org.stdhub.talent.ExpertTrackRecord;
import org.stdhub.talent.ExpertTransition;
import org.stdhub.talent.ExpertView;
import org.stdhub.talent.Experts;

/** The expert database for machines (session or API token): the same service as the pages. */
@RestController
@RequestMapping("/api/v1/experts")
class ExpertApiController {

    private final Experts experts;
    private final ExpertTrackRecord trackRecord;
    private final ExpertAvailability availability;
    private final org.stdhub.talent.Draws draws;
    private final ExpertExport export;

    ExpertApiController(
            Experts experts,
            ExpertTrackRecord trackRecord,
            ExpertAvailability availability,
            org.stdhub.talent.Draws draws,
            ExpertExport export) {
        this.experts = experts;
        this.trackRecord = trackRecord;
        this.availability = availability;
        this.draws = draws;
        this.export = export;
    }

    /**
     * The base office's search, one page at a time ({@code items}, {@code total}, {@code page}, {@code size}): text
     * {@code q} (name, keyword, class), {@code field} (ICS/CCS class or its beginning), {@code keyword}, {@code title}
     * (the lowest wanted), {@code minYears}, {@code region}, {@code availableFrom}/{@code availableTo} (ISO dates),
     * {@code status}, {@code page} (from 0), {@code size} (1–200, default 50).
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    ExpertPage search(@ModelAttribute ExpertQuery query) {
        return experts.search(query.filter(), query.pageNumber(), query.pageSize());
    }

    /** Every expert the same filter finds, as CSV (UTF-8 with BOM). */
    @GetMapping(value = "/export.csv", produces = "text/csv;charset=UTF-8")
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    ResponseEntity<byte[]> csv(@ModelAttribute ExpertQuery query) {
        return export.csv(query);
    }

    /** Every expert the same filter finds, as an Excel workbook. */
    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    ResponseEntity<byte[]> xlsx(@ModelAttribute ExpertQuery query) {
        return export.xlsx(query);
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

    /** Corrects an employment or ends it (the whole entry is written anew: give {@code endedOn} to end it). */
    @PutMapping("/{id}/employments/{employmentId}")
    ExpertView changeEmployment(
            @PathVariable long id, @PathVariable long employmentId, @RequestBody ExpertForms.EmploymentForm form) {
        return experts.changeEmployment(id, employmentId, form);
    }

    @DeleteMapping("/{id}/employments/{employmentId}")
    ExpertView removeEmployment(@PathVariable long id, @PathVariable long employmentId) {
        return experts.removeEmployment(id, employmentId);
    }

    /** Corrects a declared relation or ends it (the whole entry is written anew); a penalty only the base office. */
    @PutMapping("/{id}/relations/{relationId}")
    ExpertView changeRelation(
            @PathVariable long id, @PathVariable long relationId, @RequestBody ExpertForms.RelationForm form) {
        return experts.changeRelation(id, relationId, form);
    }

    @DeleteMapping("/{id}/relations/{relationId}")
    ExpertView removeRelation(@PathVariable long id, @PathVariable long relationId) {
        return experts.removeRelation(id, relationId);
    }

    /**
     * A period in which the expert cannot serve ({@code unavailableFrom}, optional {@code unavailableTo}: ISO dates,
     * both inclusive); 409 when it overlaps another of the expert's periods.
     */
    @PostMapping("/{id}/unavailable-periods")
    ExpertView addUnavailablePeriod(@PathVariable long id, @RequestBody ExpertForms.UnavailablePeriodForm form) {
        return availability.addPeriod(id, form);
    }

    @DeleteMapping("/{id}/unavailable-periods/{periodId}")
    ExpertView removeUnavailablePeriod(@PathVariable long id, @PathVariable long periodId) {
        return availability.removePeriod(id, periodId);
    }

    /** A committee membership: committee name, role, from/to dates. */
    @PostMapping("/{id}/committees")
    ExpertView addCommittee(@PathVariable long id, @RequestBody ExpertForms.CommitteeForm form) {
        return trackRecord.addCommittee(id, form);
    }

    /** Corrects a committee membership (the whole entry is written anew). */
    @PutMapping("/{id}/committees/{committeeId}")
    ExpertView changeCommittee(
            @PathVariable long id, @PathVariable long committeeId, @RequestBody ExpertForms.CommitteeForm form) {
        return trackRecord.changeCommittee(id, committeeId, form);
    }

    @DeleteMapping("/{id}/committees/{committeeId}")
    ExpertView removeCommittee(@PathVariable long id, @PathVariable long committeeId) {
        return trackRecord.removeCommittee(id, committeeId);
    }

    /**
     * A standard drafted: designation (e.g. GB/T 1.1-2020), optional title and part, optional {@code projectId} of
     * the development project it was drafted in (then the designation may be left out).
     */
    @PostMapping("/{id}/drafted-standards")
    ExpertView addDraftedStandard(@PathVariable long id, @RequestBody ExpertForms.DraftedStandardForm form) {
        return trackRecord.addDraftedStandard(id, form);
    }

    /** Corrects a standard drafted (the whole entry is written anew). */
    @PutMapping("/{id}/drafted-standards/{draftedId}")
    ExpertView changeDraftedStandard(
            @PathVariable long id, @PathVariable long draftedId, @RequestBody ExpertForms.DraftedStandardForm form) {
        return trackRecord.changeDraftedStandard(id, draftedId, form);
    }

    @DeleteMapping("/{id}/drafted-standards/{draftedId}")
    ExpertView removeDraftedStandard(@PathVariable long id, @PathVariable long draftedId) {
        return trackRecord.removeDraftedStandard(id, draftedId);
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
        "/{id}/reactivate-into-review",
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
