package org.stdhub.talent.web;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.identity.BaseOffice;
import org.stdhub.identity.Role;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.HistoryAccess;
import org.stdhub.talent.AttemptState;
import org.stdhub.talent.ExamAttempts;
import org.stdhub.talent.ExamForms;
import org.stdhub.talent.ExamViews;
import org.stdhub.talent.Exams;
import org.stdhub.talent.QuestionBanks;
import org.stdhub.talent.QuestionKind;

/**
 * The exam pages: a trainee's own attempts and the exam they sit (answers saved with each press of "save", the time
 * left counted by the server); a trainer's banks, questions, exams, and the scoring of attempts.
 */
@Controller
@RequestMapping("/exams")
class ExamPageController {

    private final Exams exams;
    private final QuestionBanks questionBanks;
    private final ExamAttempts attempts;
    private final FormRefusals refusals;

    ExamPageController(Exams exams, QuestionBanks questionBanks, ExamAttempts attempts, FormRefusals refusals) {
        this.exams = exams;
        this.questionBanks = questionBanks;
        this.attempts = attempts;
        this.refusals = refusals;
    }

    @GetMapping
    String overview(Model model, Authentication auth) {
        boolean teacher = HistoryAccess.hasRole(auth, Role.TRAINER.name()) || BaseOffice.actsFor(auth);
        model.addAttribute("teacher", teacher);
        model.addAttribute("mine", attempts.myAttempts());
        model.addAttribute("banks", teacher ? questionBanks.banks() : List.of());
        model.addAttribute("managed", teacher ? exams.managedExams() : List.of());
        return "talent/exams";
    }

    @PostMapping("/banks")
    String createBank(@RequestParam(required = false) String title, RedirectAttributes redirect, Locale locale) {
        ExamViews.BankView b =
                refusals.attempt(redirect, locale, () -> questionBanks.createBank(new ExamForms.NewBank(title)));
        return b == null ? "redirect:/exams" : "redirect:/exams/banks/" + b.id();
    }

    @GetMapping("/banks/{id}")
    String bank(@PathVariable long id, Model model) {
        model.addAttribute("bank", questionBanks.bank(id));
        model.addAttribute("kinds", QuestionKind.values());
        return "talent/bank";
    }

    @PostMapping("/banks/{id}/questions")
    String addQuestion(
            @PathVariable long id,
            @RequestParam(required = false) QuestionKind kind,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String choices,
            @RequestParam(required = false) String answerKey,
            @RequestParam(required = false) Integer points,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> questionBanks.addQuestion(
                        id, new ExamForms.NewQuestion(kind, topic, text, choices, answerKey, points)));
        return "redirect:/exams/banks/" + id;
    }

    @PostMapping
    String createExam(
            @RequestParam(required = false) Long sessionId,
            @RequestParam(required = false) Long bankId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String blueprint,
            @RequestParam(required = false) Integer durationMinutes,
            @RequestParam(required = false) Integer passMark,
            @RequestParam(required = false) Integer maxAttempts,
            @RequestParam(required = false) String certificateTitle,
            RedirectAttributes redirect,
            Locale locale) {
        ExamViews.ExamView e = refusals.attempt(
                redirect,
                locale,
                () -> exams.createExam(new ExamForms.NewExam(
                        sessionId,
                        bankId,
                        title,
                        blueprint,
                        durationMinutes,
                        passMark,
                        maxAttempts,
                        certificateTitle)));
        return e == null ? "redirect:/exams" : "redirect:/exams/" + e.id();
    }

    @GetMapping("/{id}")
    String exam(@PathVariable long id, Model model) {
        ExamViews.ExamView exam = exams.exam(id);
        model.addAttribute("exam", exam);
        model.addAttribute("attempts", exam.mayManage() ? attempts.attemptsAt(id) : List.of());
        return "talent/exam";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        ExamViews.AttemptView a = refusals.attempt(redirect, locale, () -> attempts.start(id));
        return a == null ? "redirect:/exams/" + id : "redirect:/exams/attempts/" + a.id();
    }

    @GetMapping("/attempts/{id}")
    String attempt(@PathVariable long id, Model model, Authentication auth) {
        ExamViews.AttemptView a = attempts.attempt(id);
        model.addAttribute("attempt", a);
        model.addAttribute("scorer", !(auth != null && isPerson(auth, a.personId())));
        model.addAttribute("open", a.state() == AttemptState.IN_PROGRESS);
        return "talent/attempt";
    }

    /** Saves every answer of the form; with {@code submit}, hands the attempt in afterwards. */
    @PostMapping("/attempts/{id}")
    String answer(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect,
            Locale locale) {
        boolean submit = form.containsKey("submit");
        Object done = refusals.attempt(redirect, locale, () -> {
            ExamViews.AttemptView a = attempts.attempt(id);
            for (ExamViews.PaperQuestion q : a.questions()) {
                List<String> values = form.get("q" + q.id());
                String answer = values == null ? null : String.join(",", values);
                if (answer != null || form.containsKey("q" + q.id() + "-shown")) {
                    attempts.answer(id, new ExamForms.Answer(q.id(), answer));
                }
            }
            return submit ? attempts.submit(id) : a;
        });
        if (done != null) {
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/exams/attempts/" + id;
    }

    @PostMapping("/attempts/{id}/scores")
    String score(
            @PathVariable long id,
            @RequestParam(required = false) Long questionId,
            @RequestParam(required = false) Integer points,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(redirect, locale, () -> attempts.score(id, new ExamForms.Score(questionId, points)));
        return "redirect:/exams/attempts/" + id;
    }

    @PostMapping("/attempts/{id}/rescores")
    String rescore(
            @PathVariable long id,
            @RequestParam(required = false) Long questionId,
            @RequestParam(required = false) Integer points,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect, locale, () -> attempts.rescore(id, new ExamForms.Rescore(questionId, points, reason)));
        return "redirect:/exams/attempts/" + id;
    }

    private static boolean isPerson(Authentication auth, long personId) {
        return auth.getPrincipal() instanceof org.stdhub.identity.StdHubUser u && u.personId() == personId;
    }
}
