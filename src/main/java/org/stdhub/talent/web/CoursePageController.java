package org.stdhub.talent.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.stdhub.platform.FormRefusals;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.talent.CourseForms;
import org.stdhub.talent.CourseView;
import org.stdhub.talent.Courses;
import org.stdhub.talent.EnrolmentState;
import org.stdhub.talent.EnrolmentView;
import org.stdhub.talent.Exams;
import org.stdhub.talent.SessionView;

/**
 * The training pages: the public catalog with the calendar of sessions (and its iCalendar export), a course with its
 * sessions (enrol, cancel, materials, exams; for the trainer the enrolments and attendance).
 */
@Controller
@RequestMapping("/courses")
class CoursePageController {

    private final Courses courses;
    private final Exams exams;
    private final Mailer mailer;
    private final FormRefusals refusals;
    private final org.stdhub.talent.TrainingFees fees;

    CoursePageController(
            Courses courses, Exams exams, Mailer mailer, FormRefusals refusals, org.stdhub.talent.TrainingFees fees) {
        this.fees = fees;
        this.courses = courses;
        this.exams = exams;
        this.mailer = mailer;
        this.refusals = refusals;
    }

    @GetMapping
    String catalog(Model model, Authentication auth) {
        model.addAttribute("courses", courses.catalog());
        List<SessionView> calendar = courses.calendar();
        Map<YearMonth, List<SessionView>> byMonth = new LinkedHashMap<>();
        for (SessionView s : calendar) {
            byMonth.computeIfAbsent(YearMonth.from(s.startsAt()), m -> new java.util.ArrayList<>())
                    .add(s);
        }
        model.addAttribute("months", byMonth);
        model.addAttribute("mine", auth == null ? List.<EnrolmentView>of() : courses.mine());
        return "talent/courses";
    }

    @GetMapping(value = "/calendar.ics")
    ResponseEntity<String> calendar() {
        return ResponseEntity.ok()
                .contentType(CourseApiController.ICALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("stdhub-training.ics")
                                .build()
                                .toString())
                .body(courses.icalendar(mailer.baseUrl()));
    }

    @GetMapping("/{id:\\d+}")
    String course(@PathVariable long id, Model model, Authentication auth) {
        CourseView course = courses.course(id);
        model.addAttribute("course", course);
        Map<Long, List<org.stdhub.talent.ExamViews.ExamView>> examsBySession = new LinkedHashMap<>();
        if (auth != null) {
            for (SessionView s : course.sessions()) {
                examsBySession.put(s.id(), exams.examsOf(s.id()));
            }
        }
        model.addAttribute("exams", examsBySession);
        model.addAttribute("attendance", List.of(EnrolmentState.ATTENDED, EnrolmentState.NO_SHOW));
        return "talent/course";
    }

    @PostMapping
    String create(
            @RequestParam(required = false) String titleZh,
            @RequestParam(required = false) String titleEn,
            @RequestParam(required = false) String description,
            RedirectAttributes redirect,
            Locale locale) {
        CourseView created = refusals.attempt(
                redirect, locale, () -> courses.createCourse(new CourseForms.NewCourse(titleZh, titleEn, description)));
        return created == null ? "redirect:/courses" : "redirect:/courses/" + created.id();
    }

    @PostMapping("/{id}/sessions")
    String addSession(
            @PathVariable long id,
            @RequestParam(required = false) String place,
            @RequestParam(required = false) String startsAt,
            @RequestParam(required = false) String endsAt,
            @RequestParam(required = false) Integer capacity,
            @RequestParam(required = false) String feeYuan,
            RedirectAttributes redirect,
            Locale locale) {
        refusals.attempt(
                redirect,
                locale,
                () -> courses.addSession(
                        id,
                        new CourseForms.NewSession(
                                place, time(startsAt, "startsAt"), time(endsAt, "endsAt"), capacity, fee(feeYuan))));
        return "redirect:/courses/" + id;
    }

    @PostMapping("/sessions/{id}/enrol")
    String enrol(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        refusals.attempt(redirect, locale, () -> courses.enrol(id));
        return "redirect:/courses/" + courses.session(id).courseId();
    }

    @PostMapping("/enrolments/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        EnrolmentView e = refusals.attempt(redirect, locale, () -> courses.cancel(id));
        return e == null
                ? "redirect:/courses"
                : "redirect:/courses/" + courses.session(e.sessionId()).courseId();
    }

    @PostMapping("/enrolments/{id}/attendance")
    String attendance(
            @PathVariable long id,
            @RequestParam(required = false) EnrolmentState state,
            RedirectAttributes redirect,
            Locale locale) {
        EnrolmentView e = refusals.attempt(redirect, locale, () -> courses.recordAttendance(id, state));
        return e == null
                ? "redirect:/courses"
                : "redirect:/courses/" + courses.session(e.sessionId()).courseId();
    }

    /** The fee paid for a place, as the trainer or the base office records it. */
    @PostMapping("/enrolments/{id}/fee")
    String fee(
            @PathVariable long id,
            @RequestParam(required = false) String paidYuan,
            @RequestParam(required = false) String paidOn,
            @RequestParam(required = false) String receipt,
            RedirectAttributes redirect,
            Locale locale) {
        EnrolmentView e = refusals.attempt(redirect, locale, () -> {
            var errors = new InvalidInputException.Collector();
            BigDecimal amount = null;
            java.time.LocalDate day = null;
            try {
                amount = paidYuan == null || paidYuan.isBlank() ? null : new BigDecimal(paidYuan.strip());
            } catch (NumberFormatException x) {
                errors.add("paidYuan", "talent.error.fee");
            }
            try {
                day = paidOn == null || paidOn.isBlank() ? null : java.time.LocalDate.parse(paidOn.strip());
            } catch (java.time.format.DateTimeParseException x) {
                errors.add("paidOn", "talent.error.fee-date");
            }
            errors.throwIfAny();
            return fees.record(id, new CourseForms.FeePaid(amount, day, receipt));
        });
        return e == null
                ? "redirect:/courses"
                : "redirect:/courses/" + courses.session(e.sessionId()).courseId();
    }

    @PostMapping("/sessions/{id}/materials")
    String addMaterial(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        byte[] content = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        refusals.attempt(redirect, locale, () -> courses.addMaterial(id, name, content));
        return "redirect:/courses/" + courses.session(id).courseId();
    }

    @GetMapping("/materials/{id}")
    ResponseEntity<byte[]> material(@PathVariable long id) {
        return CourseApiController.download(courses.material(id));
    }

    private static LocalDateTime time(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(Map.of(field, "talent.error.session-times"));
        }
    }

    private static BigDecimal fee(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Map.of("feeYuan", "talent.error.fee"));
        }
    }
}
