package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.stdhub.programme.EvaluationModelForm;
import org.stdhub.programme.EvaluationModelView;
import org.stdhub.programme.EvaluationModels;

/** The effective-dated evaluation models for machines: read by anyone signed in, set and withdrawn by the office. */
@RestController
@RequestMapping("/api/v1/programme/evaluation-models")
class EvaluationModelApiController {

    private final EvaluationModels models;

    EvaluationModelApiController(EvaluationModels models) {
        this.models = models;
    }

    @GetMapping
    @Operation(
            summary = "Every evaluation model (weights, points, caps, class thresholds), earliest first, with its"
                    + " standing today (superseded, in force, coming)")
    List<EvaluationModelView> list() {
        return models.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Set the model that takes effect on a day after today (base office); never on or before the"
                    + " date of an evaluation already self-evaluated or scored")
    EvaluationModelView define(@RequestBody EvaluationModelForm body) {
        return models.define(body);
    }

    @DeleteMapping("/{effectiveFrom}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw a model that has not yet taken effect (base office), with the reason")
    void withdraw(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String reason) {
        models.withdraw(effectiveFrom, reason);
    }
}
