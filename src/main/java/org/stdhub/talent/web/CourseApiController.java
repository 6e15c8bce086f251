package org.stdhub.talent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.talent.CourseForms;
import org.stdhub.talent.CourseView;
import org.stdhub.talent.Courses;
import org.stdhub.talent.EnrolmentView;
import org.stdhub.talent.SessionView;

/** Courses for machines: the public catalog and calendar; enrolment, attendance and materials for people signed in. */
@RestController
@RequestMapping("/api/v1/courses")
@Tag(name = "talent", description = "Talent center: experts, draws, courses, exams and certificates")
class CourseApiController {

    static final MediaType ICALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Courses courses;
    private final Mailer mailer;
    private final org.stdhub.talent.TrainingFees fees;

    CourseApiController(Courses courses, Mailer mailer, org.stdhub.talent.TrainingFees fees) {
        this.fees = fees;
        this.courses = courses;
        this.mailer = mailer;
    }

    @GetMapping
    @Operation(summary = "The public course catalog with each course's sessions")
    List<CourseView> catalog() {
        return courses.catalog();
    }

    @PostMapping
    @Operation(summary = "Create a course (trainers and the base office)")
    ResponseEntity<CourseView> create(@RequestBody CourseForms.NewCourse body) {
        CourseView created = courses.createCourse(body);
        return ResponseEntity.created(URI.create("/api/v1/courses/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One course with its sessions")
    CourseView course(@PathVariable long id) {
        return courses.course(id);
    }

    @PostMapping("/{id}/sessions")
    @Operation(
            summary = "Add a session (place, local start and end, capacity, fee recorded); the caller is its trainer")
    ResponseEntity<SessionView> addSession(@PathVariable long id, @RequestBody CourseForms.NewSession body) {
        SessionView created = courses.addSession(id, body);
        return ResponseEntity.created(URI.create("/api/v1/courses/sessions/" + created.id()))
                .body(created);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "One session; its enrolments only for its trainer and the base office")
    SessionView session(@PathVariable long id) {
        return courses.session(id);
    }

    @GetMapping(value = "/calendar.ics", produces = "text/calendar")
    @Operation(summary = "Every session as an iCalendar (RFC 5545) feed")
    ResponseEntity<String> calendar() {
        return ResponseEntity.ok()
                .contentType(ICALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("stdhub-training.ics")
                                .build()
                                .toString())
                .body(courses.icalendar(mailer.baseUrl()));
    }

    @PostMapping("/sessions/{id}/enrolments")
    @Operation(summary = "Enrol the caller: a place while there is one, the waiting list otherwise")
    ResponseEntity<EnrolmentView> enrol(@PathVariable long id) {
        EnrolmentView e = courses.enrol(id);
        return ResponseEntity.created(URI.create("/api/v1/courses/enrolments/" + e.id()))
                .body(e);
    }

    @GetMapping("/enrolments/mine")
    @Operation(summary = "The caller's enrolments")
    List<EnrolmentView> mine() {
        return courses.mine();
    }

    @PostMapping("/enrolments/{id}/cancel")
    @Operation(
            summary = "Cancel an enrolment (its person or the base office); a freed place promotes the first waiting")
    EnrolmentView cancel(@PathVariable long id) {
        return courses.cancel(id);
    }

    @PostMapping("/enrolments/{id}/attendance")
    @Operation(summary = "The session's trainer records ATTENDED or NO_SHOW")
    EnrolmentView attendance(@PathVariable long id, @RequestBody CourseForms.Attendance body) {
        return courses.recordAttendance(id, body == null ? null : body.state());
    }

    @PostMapping("/enrolments/{id}/fee")
    @Operation(
            summary = "The session's trainer or the base office records the fee paid: paidYuan, paidOn (ISO date),"
                    + " receipt; recorded only, no payment is processed")
    EnrolmentView fee(@PathVariable long id, @RequestBody(required = false) CourseForms.FeePaid body) {
        return fees.record(id, body);
    }

    @PostMapping(value = "/sessions/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Hand out a file for a session (PDF, Office document or text; up to 5 MB)")
    SessionView.MaterialView addMaterial(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(java.util.Map.of("file", "talent.error.material-empty"));
        }
        return courses.addMaterial(id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/materials/{id}")
    @Operation(summary = "Download a material (the people enrolled, the trainer, the base office)")
    ResponseEntity<byte[]> material(@PathVariable long id) {
        return download(courses.material(id));
    }

    static ResponseEntity<byte[]> download(Courses.Material m) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(m.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(m.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(m.content());
    }
}
