package org.stdhub.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.verification.EvaluationForms;
import org.stdhub.verification.EvaluationView;
import org.stdhub.verification.Evaluations;

/** Evaluations of standards for machine clients: the same service and rules as the pages. */
@RestController
@RequestMapping(path = "/api/v1/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "verification", description = "Conformity testing, evaluations of standards, traceability")
class EvaluationApiController {

    private final Evaluations evaluations;

    EvaluationApiController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping
    @Operation(summary = "Evaluations: issued ones for anyone, all for the base office")
    List<EvaluationView> list() {
        return evaluations.list();
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One evaluation with every economic indicator's formula, inputs and source (none verified against"
                    + " the standard's text), the technical comparison and the questionnaire scores")
    EvaluationView get(@PathVariable long id) {
        return evaluations.get(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open an evaluation of a standard in the catalog (the base office)")
    ResponseEntity<EvaluationView> create(@RequestBody EvaluationForms.NewEvaluation body) {
        EvaluationView created = evaluations.create(body);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + created.id()))
                .body(created);
    }

    @PostMapping(path = "/{id}/panel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link the expert panel: a talent center draw of purpose EVALUATION, drawn or decided")
    EvaluationView panel(@PathVariable long id, @RequestBody EvaluationForms.Panel body) {
        return evaluations.linkPanel(id, body);
    }

    @PostMapping("/{id}/scoring")
    @Operation(summary = "Begin scoring (after the panel is drawn)")
    EvaluationView scoring(@PathVariable long id) {
        return evaluations.startScoring(id);
    }

    @PostMapping(path = "/{id}/inputs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set an economic input (K_z, K_s, C0, C1, Q1, t, i, S, EBIT) with its source")
    EvaluationView input(@PathVariable long id, @RequestBody EvaluationForms.Input body) {
        return evaluations.setInput(id, body);
    }

    @PostMapping(path = "/{id}/drivers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a value driver of the ISO value-chain worksheet, with its source")
    EvaluationView driver(@PathVariable long id, @RequestBody EvaluationForms.Driver body) {
        return evaluations.addDriver(id, body);
    }

    @PostMapping(path = "/{id}/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a key indicator beside a related international standard (while scoring)")
    EvaluationView indicator(@PathVariable long id, @RequestBody EvaluationForms.Indicator body) {
        return evaluations.addIndicator(id, body);
    }

    @PostMapping(path = "/{id}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Answer the applicability questionnaire (an implementing enterprise's user, once, while scoring)")
    EvaluationView respond(@PathVariable long id, @RequestBody EvaluationForms.Response body) {
        return evaluations.respond(id, body);
    }

    @PostMapping(path = "/{id}/sign-off", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the panel's sign-off with its conclusion (indicators computable, answers received)")
    EvaluationView signOff(@PathVariable long id, @RequestBody EvaluationForms.SignOff body) {
        return evaluations.signOff(id, body);
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue the signed-off evaluation: it becomes public")
    EvaluationView issue(@PathVariable long id) {
        return evaluations.issue(id);
    }
}
