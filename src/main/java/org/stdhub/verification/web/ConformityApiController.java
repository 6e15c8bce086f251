package org.stdhub.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.verification.ConformityForms;
import org.stdhub.verification.ConformityReportView;
import org.stdhub.verification.ConformityTestView;
import org.stdhub.verification.ConformityTests;
import org.stdhub.verification.ConformityTransition;

/**
 * Conformity testing for machine clients: requests, their transitions, clause results and the report; and the
 * public verification of a report by its number. The same service and rules as the pages.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "verification", description = "Conformity testing, evaluations of standards, traceability")
class ConformityApiController {

    record TransitionRequest(ConformityTransition transition, String note) {}

    private final ConformityTests tests;

    ConformityApiController(ConformityTests tests) {
        this.tests = tests;
    }

    @GetMapping("/conformity-tests")
    @Operation(summary = "The requests the caller may see: its enterprise's own, or those addressed to its lab")
    List<ConformityTestView> list() {
        return tests.visible();
    }

    @PostMapping(path = "/conformity-tests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Request a conformity test (an enterprise user): product, samples, due date, lab, and the"
                    + " standards by designation with their clauses; a withdrawn standard is refused with its"
                    + " current replacement named, an outdated edition is accepted with a warning")
    ResponseEntity<ConformityTestView> request(@RequestBody ConformityForms.NewRequest body) {
        ConformityTestView created = tests.request(body);
        return ResponseEntity.created(URI.create("/api/v1/conformity-tests/" + created.id()))
                .body(created);
    }

    @GetMapping("/conformity-tests/{id}")
    @Operation(summary = "One request, if the caller's enterprise asked or its lab is addressed")
    ConformityTestView get(@PathVariable long id) {
        return tests.get(id);
    }

    @PostMapping(path = "/conformity-tests/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "ACCEPT, REJECT or START (the lab's engineers), CANCEL (the enterprise); REJECT and CANCEL"
                    + " need a note")
    ConformityTestView transition(@PathVariable long id, @RequestBody TransitionRequest body) {
        return tests.transition(id, body == null ? null : body.transition(), body == null ? null : body.note());
    }

    @PostMapping(path = "/conformity-tests/{id}/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record results per clause while testing (the lab's engineers): measured, unit, PASS/FAIL and"
                    + " optionally the instrument (equipmentId; 409 while its calibration is due)")
    ConformityTestView record(@PathVariable long id, @RequestBody List<ConformityForms.ClauseResult> body) {
        return tests.record(id, body);
    }

    @PostMapping(path = "/conformity-tests/{id}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Issue the report (the lab's engineers, every clause recorded): it gets its unique number and"
                    + " public verification")
    ConformityTestView report(@PathVariable long id, @RequestBody ConformityForms.Note body) {
        return tests.issueReport(id, body == null ? null : body.text());
    }

    @GetMapping("/test-reports/{number}")
    @Operation(summary = "Public verification of a conformity test report by its number, with any catalog flags")
    ConformityReportView verify(@PathVariable String number) {
        return tests.report(number);
    }
}
