package org.stdhub.talent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.stdhub.talent.ExamAttempts;
import org.stdhub.talent.ExamForms;
import org.stdhub.talent.ExamViews;
import org.stdhub.talent.Exams;
import org.stdhub.talent.QuestionBanks;

/** Exams for machines: banks and exams for trainers, timed attempts for trainees, scoring and re-scoring. */
@RestController
@RequestMapping("/api/v1/exams")
@Tag(name = "talent", description = "Talent center: experts, draws, courses, exams and certificates")
class ExamApiController {

    private final Exams exams;
    private final QuestionBanks questionBanks;
    private final ExamAttempts attempts;

    ExamApiController(Exams exams, QuestionBanks questionBanks, ExamAttempts attempts) {
        this.exams = exams;
        this.questionBanks = questionBanks;
        this.attempts = attempts;
    }

    @GetMapping
    @Operation(summary = "The exams the caller sets (all, for the base office)")
    List<ExamViews.ExamView> managed() {
        return exams.managedExams();
    }

    @PostMapping
    @Operation(summary = "Set an exam for a session the caller trains: bank, blueprint, minutes, pass mark")
    ResponseEntity<ExamViews.ExamView> create(@RequestBody ExamForms.NewExam body) {
        ExamViews.ExamView created = exams.createExam(body);
        return ResponseEntity.created(URI.create("/api/v1/exams/" + created.id()))
                .body(created);
    }

    @GetMapping("/banks")
    @Operation(summary = "The caller's question banks")
    List<ExamViews.BankView> banks() {
        return questionBanks.banks();
    }

    @PostMapping("/banks")
    @Operation(summary = "Create a question bank")
    ResponseEntity<ExamViews.BankView> createBank(@RequestBody ExamForms.NewBank body) {
        ExamViews.BankView created = questionBanks.createBank(body);
        return ResponseEntity.created(URI.create("/api/v1/exams/banks/" + created.id()))
                .body(created);
    }

    @GetMapping("/banks/{id}")
    @Operation(summary = "One question bank with its questions and keys (its owner and the base office)")
    ExamViews.BankView bank(@PathVariable long id) {
        return questionBanks.bank(id);
    }

    @PostMapping("/banks/{id}/questions")
    @Operation(summary = "Add a question (SINGLE, MULTIPLE, TRUE_FALSE or SHORT) to a bank")
    ExamViews.QuestionView addQuestion(@PathVariable long id, @RequestBody ExamForms.NewQuestion body) {
        return questionBanks.addQuestion(id, body);
    }

    @GetMapping("/sessions/{sessionId}")
    @Operation(summary = "The exams of a session (for the people enrolled, its trainer, the base office)")
    List<ExamViews.ExamView> ofSession(@PathVariable long sessionId) {
        return exams.examsOf(sessionId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exam")
    ExamViews.ExamView exam(@PathVariable long id) {
        return exams.exam(id);
    }

    @GetMapping("/{id}/attempts")
    @Operation(summary = "The attempts at an exam (its trainer and the base office)")
    List<ExamViews.AttemptView> attempts(@PathVariable long id) {
        return attempts.attemptsAt(id);
    }

    @PostMapping("/{id}/attempts")
    @Operation(summary = "Start the exam, or resume the caller's attempt in progress; the deadline is the server's")
    ExamViews.AttemptView start(@PathVariable long id) {
        return attempts.start(id);
    }

    @GetMapping("/attempts/mine")
    @Operation(summary = "The caller's own attempts and results")
    List<ExamViews.AttemptView> mine() {
        return attempts.myAttempts();
    }

    @GetMapping("/attempts/{id}")
    @Operation(summary = "One attempt (its person, without keys; the trainer, with them)")
    ExamViews.AttemptView attempt(@PathVariable long id) {
        return attempts.attempt(id);
    }

    @PostMapping("/attempts/{id}/answers")
    @Operation(summary = "Save one answer; refused after the deadline (409)")
    ExamViews.AttemptView answer(@PathVariable long id, @RequestBody ExamForms.Answer body) {
        return attempts.answer(id, body);
    }

    @PostMapping("/attempts/{id}/submit")
    @Operation(summary = "Hand in the attempt; objective questions are scored at once")
    ExamViews.AttemptView submit(@PathVariable long id) {
        return attempts.submit(id);
    }

    @PostMapping("/attempts/{id}/scores")
    @Operation(summary = "The trainer scores a short answer of a closed attempt")
    ExamViews.AttemptView score(@PathVariable long id, @RequestBody ExamForms.Score body) {
        return attempts.score(id, body);
    }

    @PostMapping("/attempts/{id}/rescores")
    @Operation(summary = "The trainer changes a recorded result's points for one question, with a reason (audited)")
    ExamViews.AttemptView rescore(@PathVariable long id, @RequestBody ExamForms.Rescore body) {
        return attempts.rescore(id, body);
    }
}
