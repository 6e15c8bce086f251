package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;
import org.stdhub.programme.ConstructionPhase;
import org.stdhub.programme.ConstructionPhases;
import org.stdhub.programme.EvaluationForms;
import org.stdhub.programme.EvaluationPanels;
import org.stdhub.programme.EvaluationView;
import org.stdhub.programme.Evaluations;
import org.stdhub.talent.DrawView;

/** Evaluations of the building units for machines, and the construction phases. */
@RestController
@RequestMapping("/api/v1/programme")
class UnitEvaluationApiController {

    private final Evaluations evaluations;
    private final ConstructionPhases phases;
    private final EvaluationPanels panels;

    UnitEvaluationApiController(Evaluations evaluations, ConstructionPhases phases, EvaluationPanels panels) {
        this.evaluations = evaluations;
        this.phases = phases;
        this.panels = panels;
    }

    @GetMapping("/evaluations")
    @Operation(summary = "The evaluations the caller may read (base office: all; a unit: its own)")
    List<EvaluationView> list() {
        return evaluations.list();
    }

    @GetMapping("/evaluations/{id}")
    @Operation(summary = "An evaluation with self-evaluation, expert scores, panel mean, class, rank, rectification")
    EvaluationView get(@PathVariable long id) {
        return evaluations.get(id);
    }

    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an evaluation (annual, mid-term, acceptance) of a contract's unit (base office)")
    EvaluationView open(@RequestBody EvaluationForms.NewEvaluation body) {
        return evaluations.open(body);
    }

    @PostMapping("/evaluations/{id}/self-evaluation")
    @Operation(summary = "The unit's self-evaluation: quantities per item with evidence notes (unit member)")
    EvaluationView selfEvaluate(@PathVariable long id, @RequestBody EvaluationForms.SelfEvaluation body) {
        return evaluations.selfEvaluate(id, body);
    }

    @PostMapping("/evaluations/{id}/expert-scores")
    @Operation(summary = "A drawn expert's own sheet (a member of the evaluation's panel, never of the evaluated unit)")
    EvaluationView score(@PathVariable long id, @RequestBody EvaluationForms.ExpertSheet body) {
        return evaluations.scoreOwnSheet(id, body);
    }

    @PostMapping("/evaluations/{id}/panel-draw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request the panel's draw through the talent center (base office; purpose evaluation)")
    DrawView requestPanel(@PathVariable long id, @RequestBody EvaluationForms.PanelRequest body) {
        return panels.requestDraw(id, body);
    }

    @PostMapping("/evaluations/{id}/conclusion")
    @Operation(summary = "Conclude: panel mean through the model in force, class (base office)")
    EvaluationView conclude(@PathVariable long id) {
        return evaluations.conclude(id);
    }

    @PostMapping("/evaluations/{id}/rectification")
    @Operation(summary = "Send a failing unit into rectification with a deadline (base office)")
    EvaluationView rectify(@PathVariable long id, @RequestBody EvaluationForms.Rectification body) {
        return evaluations.requireRectification(id, body);
    }

    @PostMapping("/evaluations/{id}/closing")
    @Operation(summary = "Close a passed evaluation or a completed rectification, with a note (base office)")
    EvaluationView close(@PathVariable long id, @RequestBody EvaluationForms.Closing body) {
        return evaluations.close(id, body);
    }

    @GetMapping("/phases")
    @Operation(summary = "The construction phases as milestones with deliverables and dates")
    List<ConstructionPhase> phases() {
        return phases.list();
    }

    @PutMapping("/phases/{code}")
    @Operation(summary = "Change a construction phase's dates, deliverables and reached day (base office, audited)")
    ConstructionPhase updatePhase(@PathVariable String code, @RequestBody ConstructionPhases.PhaseEdit body) {
        return phases.update(code, body);
    }
}
