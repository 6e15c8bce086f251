package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.SystemActor;

/**
 * Training: the public catalog, enrolment with a waiting list and promotion when a place frees, attendance by the
 * session's trainer only, materials for the people enrolled, and the calendar as iCalendar (RFC 5545).
 */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Experts experts;

    @Autowired
    Courses courses;

    @Autowired
    TrainingFees fees;

    @Autowired
    MutableClock clock;

    TalentFixtures f;
    String trainer;
    String otherTrainer;
    String officer;
    String ann;
    String bob;
    String cai;

    @BeforeAll
    void setUp() {
        f = new TalentFixtures(accounts, organizations, principals, experts);
        trainer = trainer();
        otherTrainer = trainer();
        officer = f.officer();
        ann = f.person("ann");
        bob = f.person("bob");
        cai = f.person("cai");
    }

    String trainer() {
        String login = f.person("trn");
        long office = f.people.officeId();
        SystemActor.run("test", () -> organizations.grant(f.people.personId(login), office, Role.TRAINER, null, null));
        return login;
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    SessionView session(String title, int capacity) {
        f.signIn(trainer);
        CourseView c = courses.createCourse(new CourseForms.NewCourse(title, "Basics; drafting, GB/T 1.1", "简介"));
        LocalDateTime start =
                LocalDateTime.now(clock.withZone(Courses.ZONE)).plusDays(10).withNano(0);
        return courses.addSession(
                c.id(),
                new CourseForms.NewSession(
                        "郑州市金水路 1 号", start, start.plusHours(6), capacity, new BigDecimal("800.00")));
    }

    @Test
    void aFreedPlaceGoesToTheFirstOnTheWaitingList() {
        SessionView s = session("标准化基础知识", 1);
        f.signIn(ann);
        EnrolmentView annPlace = courses.enrol(s.id());
        assertThat(annPlace.state()).isEqualTo(EnrolmentState.ENROLLED);
        assertThatThrownBy(() -> courses.enrol(s.id())).isInstanceOf(ConflictException.class);
        f.signIn(bob);
        EnrolmentView bobPlace = courses.enrol(s.id());
        assertThat(bobPlace.state()).isEqualTo(EnrolmentState.WAITLISTED);
        f.signIn(cai);
        EnrolmentView caiPlace = courses.enrol(s.id());
        assertThat(caiPlace.state()).isEqualTo(EnrolmentState.WAITLISTED);
        // nobody cancels someone else's place
        assertThatThrownBy(() -> courses.cancel(annPlace.id())).isInstanceOf(NotPermittedException.class);

        f.signIn(ann);
        assertThat(courses.cancel(annPlace.id()).state()).isEqualTo(EnrolmentState.CANCELLED);
        f.signIn(bob);
        assertThat(courses.mine())
                .filteredOn(e -> e.id() == bobPlace.id())
                .extracting(EnrolmentView::state)
                .containsExactly(EnrolmentState.ENROLLED);
        f.signIn(cai);
        // a waiting person leaving frees no place: nobody is promoted
        assertThat(courses.cancel(caiPlace.id()).state()).isEqualTo(EnrolmentState.CANCELLED);
        assertThatThrownBy(() -> courses.cancel(caiPlace.id())).isInstanceOf(ConflictException.class);
        SessionView after = courses.session(s.id());
        assertThat(after.taken()).isEqualTo(1);
        assertThat(after.waiting()).isZero();
        // ann may enrol again: the place is bob's now, so she waits
        f.signIn(ann);
        assertThat(courses.enrol(s.id()).state()).isEqualTo(EnrolmentState.WAITLISTED);
    }

    @Test
    void onlyTheSessionTrainerRecordsAttendanceOnceTheSessionHasBegun() {
        SessionView s = session("GB/T 1.1 起草规则", 5);
        f.signIn(ann);
        EnrolmentView e = courses.enrol(s.id());
        f.signIn(trainer);
        assertThatThrownBy(() -> courses.recordAttendance(e.id(), EnrolmentState.ATTENDED))
                .isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofDays(11));
        // the participant, another trainer and the base office may not
        f.signIn(ann);
        assertThatThrownBy(() -> courses.recordAttendance(e.id(), EnrolmentState.ATTENDED))
                .isInstanceOf(AccessDeniedException.class);
        f.signIn(otherTrainer);
        assertThatThrownBy(() -> courses.recordAttendance(e.id(), EnrolmentState.ATTENDED))
                .isInstanceOf(NotPermittedException.class);
        f.signIn(officer);
        assertThatThrownBy(() -> courses.recordAttendance(e.id(), EnrolmentState.ATTENDED))
                .isInstanceOf(AccessDeniedException.class);
        f.signIn(trainer);
        assertThatThrownBy(() -> courses.recordAttendance(e.id(), EnrolmentState.CANCELLED))
                .isInstanceOf(InvalidInputException.class);
        assertThat(courses.recordAttendance(e.id(), EnrolmentState.NO_SHOW).state())
                .isEqualTo(EnrolmentState.NO_SHOW);
        assertThat(courses.recordAttendance(e.id(), EnrolmentState.ATTENDED).state())
                .isEqualTo(EnrolmentState.ATTENDED);
        // enrolment has closed
        f.signIn(bob);
        assertThatThrownBy(() -> courses.enrol(s.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void badSessionsAndCoursesAreRefusedWithTheirFields() {
        f.signIn(ann);
        assertThatThrownBy(() -> courses.createCourse(new CourseForms.NewCourse("自己开课", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        f.signIn(trainer);
        assertThatThrownBy(() -> courses.createCourse(new CourseForms.NewCourse(" ", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("titleZh"));
        CourseView c = courses.createCourse(new CourseForms.NewCourse("国际标准化", null, null));
        LocalDateTime t = LocalDateTime.of(2030, 1, 1, 9, 0);
        assertThatThrownBy(() -> courses.addSession(
                        c.id(), new CourseForms.NewSession("", t, t.minusHours(1), 0, new BigDecimal("-1"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("place", "endsAt", "capacity", "feeYuan"));
    }

    @Test
    void materialsAreForThePeopleEnrolledAndTheTrainer() throws Exception {
        SessionView s = session("标准化资料课", 3);
        f.signIn(trainer);
        byte[] text = "第一讲：标准化基础\n".getBytes(StandardCharsets.UTF_8);
        var m = courses.addMaterial(s.id(), "讲义.txt", text);
        assertThatThrownBy(() -> courses.addMaterial(s.id(), "x.exe", new byte[] {0x4d, 0x5a, 0, 0, 1, 2, 3}))
                .isInstanceOf(InvalidInputException.class);
        f.signIn(bob);
        assertThatThrownBy(() -> courses.material(m.id())).isInstanceOf(NotPermittedException.class);
        courses.enrol(s.id());
        assertThat(courses.material(m.id()).content()).isEqualTo(text);
        // by HTTP: the upload form is refused to a trainee, the download served to the enrolled
        assertThat(mvc.post()
                        .uri("/api/v1/courses/sessions/" + s.id() + "/materials")
                        .multipart()
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", text))
                        .with(user(f.user(bob)))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/courses/materials/" + m.id()).with(user(f.user(bob))))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/v1/courses/materials/" + m.id()).with(user(f.user(cai))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCatalogIsPublicAndChangesNeedTheRightPeople() {
        SessionView s = session("公开目录课程", 2);
        TestPeople.signOut();
        assertThat(mvc.get().uri("/courses"))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("公开目录课程");
        assertThat(mvc.get().uri("/courses/" + s.courseId()))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("郑州市金水路 1 号", "800.00");
        assertThat(mvc.get().uri("/api/v1/courses/" + s.courseId()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.sessions[0].capacity")
                .isEqualTo(2);
        // the trainee's view of a session hides the other enrolments
        f.signIn(ann);
        courses.enrol(s.id());
        TestPeople.signOut();
        assertThat(mvc.get().uri("/api/v1/courses/sessions/" + s.id()).with(user(f.user(bob))))
                .bodyJson()
                .extractingPath("$.enrolments")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/courses/sessions/" + s.id()).with(user(f.user(trainer))))
                .bodyJson()
                .extractingPath("$.enrolments")
                .asArray()
                .hasSize(1);
        // anonymous and trainee changes are refused; bad input is a 400 problem, never a 500
        assertThat(mvc.post()
                        .uri("/api/v1/courses")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleZh\":\"匿名\"}"))
                .hasStatus4xxClientError();
        assertThat(mvc.post()
                        .uri("/api/v1/courses")
                        .with(user(f.user(bob)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleZh\":\"学员开课\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/courses/" + s.courseId() + "/sessions")
                        .with(user(f.user(trainer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"place\":\"x\",\"startsAt\":\"not a time\",\"capacity\":3}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/courses/sessions/" + s.id() + "/enrolments")
                        .with(user(f.user(bob)))
                        .with(csrf()))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post()
                        .uri("/api/v1/courses/sessions/" + s.id() + "/enrolments")
                        .with(user(f.user(bob)))
                        .with(csrf()))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void theCalendarExportsAsValidICalendar() {
        SessionView s = session("日历课程, 含逗号; 分号和一个很长很长很长很长很长很长很长很长很长很长很长很长的名称", 4);
        var result = mvc.get().uri("/courses/calendar.ics").exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
        byte[] body = result.getResponse().getContentAsByteArray();
        String ics = new String(body, StandardCharsets.UTF_8);

        // every line ends with CRLF and is at most 75 octets
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // unfolded, it is a calendar of events with the session's values
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.split("\r\n")[0]).isEqualTo("BEGIN:VCALENDAR");
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            assertThat(colon).as(line).isPositive();
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (line.equals("BEGIN:VEVENT")) {
                current = new HashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                current.put(name, value);
            }
        }
        Map<String, String> event = events.stream()
                .filter(e -> e.get("UID").equals("session-" + s.id() + "@stdhub"))
                .findFirst()
                .orElseThrow();
        assertThat(event.get("SUMMARY")).startsWith("日历课程\\, 含逗号\\; 分号和").contains("Basics\\; drafting\\, GB/T 1.1");
        assertThat(event.get("LOCATION")).isEqualTo("郑州市金水路 1 号");
        assertThat(event.get("DTSTART")).matches("\\d{8}T\\d{6}Z");
        assertThat(event).containsKeys("DTEND", "DTSTAMP");
        assertThat(unfolded).contains("VERSION:2.0", "PRODID:");
    }

    @Test
    void theTrainerOrTheOfficeRecordsTheFeePaidOthersCannotAndBadAmountsAreRefused() {
        SessionView s = session("标准起草培训 收费", 5);
        f.signIn(ann);
        EnrolmentView annPlace = courses.enrol(s.id());
        assertThat(annPlace.feePaidYuan()).isNull();
        f.signIn(bob);
        EnrolmentView bobPlace = courses.enrol(s.id());
        courses.cancel(bobPlace.id());
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(Courses.ZONE));

        // the session's trainer records it; a second record corrects the first
        f.signIn(trainer);
        EnrolmentView paid =
                fees.record(annPlace.id(), new CourseForms.FeePaid(new BigDecimal("800"), today, "NO.2026-001"));
        assertThat(paid.feePaidYuan()).isEqualByComparingTo("800.00");
        assertThat(paid.feePaidOn()).isEqualTo(today);
        assertThat(paid.feeReceipt()).isEqualTo("NO.2026-001");
        f.signIn(officer);
        assertThat(fees.record(annPlace.id(), new CourseForms.FeePaid(new BigDecimal("400.50"), today, null))
                        .feePaidYuan())
                .isEqualByComparingTo("400.50");
        // the person sees it among their enrolments
        f.signIn(ann);
        assertThat(courses.mine())
                .filteredOn(e -> e.id() == annPlace.id())
                .singleElement()
                .satisfies(e -> assertThat(e.feePaidYuan()).isEqualByComparingTo("400.50"));

        // not the person, not another trainer
        assertThatThrownBy(() -> fees.record(annPlace.id(), new CourseForms.FeePaid(BigDecimal.ONE, today, null)))
                .isInstanceOf(AccessDeniedException.class);
        f.signIn(otherTrainer);
        assertThatThrownBy(() -> fees.record(annPlace.id(), new CourseForms.FeePaid(BigDecimal.ONE, today, null)))
                .isInstanceOf(NotPermittedException.class);
        // bad input: refused whole, nothing written
        f.signIn(trainer);
        assertThatThrownBy(() -> fees.record(
                        annPlace.id(), new CourseForms.FeePaid(new BigDecimal("-1"), today.plusDays(1), null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("paidYuan", "paidOn"));
        assertThatThrownBy(
                        () -> fees.record(annPlace.id(), new CourseForms.FeePaid(new BigDecimal("1.005"), today, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fees.record(bobPlace.id(), new CourseForms.FeePaid(BigDecimal.TEN, today, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(courses.session(s.id()).enrolments())
                .filteredOn(e -> e.id() == annPlace.id())
                .singleElement()
                .satisfies(e -> assertThat(e.feePaidYuan()).isEqualByComparingTo("400.50"));

        // over HTTP: the API, the page form, and the denial
        assertThat(mvc.post()
                        .uri("/api/v1/courses/enrolments/" + annPlace.id() + "/fee")
                        .with(user(f.user(trainer)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paidYuan\":800.00,\"paidOn\":\"" + today + "\",\"receipt\":\"R-9\"}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.feeReceipt")
                .isEqualTo("R-9");
        assertThat(mvc.post()
                        .uri("/api/v1/courses/enrolments/" + annPlace.id() + "/fee")
                        .with(user(f.user(trainer)))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paidYuan\":-5}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.paidOn")
                .isEqualTo("Please give the day of payment (not after today).");
        assertThat(mvc.post()
                        .uri("/api/v1/courses/enrolments/" + annPlace.id() + "/fee")
                        .with(user(f.user(ann)))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paidYuan\":0,\"paidOn\":\"" + today + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/courses/enrolments/" + annPlace.id() + "/fee")
                        .with(user(f.user(trainer)))
                        .with(csrf())
                        .param("paidYuan", "abc")
                        .param("paidOn", today.toString()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsKey("errors");
        assertThat(mvc.post()
                        .uri("/courses/enrolments/" + annPlace.id() + "/fee")
                        .with(user(f.user(trainer)))
                        .with(csrf())
                        .param("paidYuan", "780.00")
                        .param("paidOn", today.toString())
                        .param("receipt", "R-10"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/courses/" + s.courseId());
        assertThat(mvc.get().uri("/courses/" + s.courseId()).with(user(f.user(trainer))))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("class=\"fee-paid\"", "780.00", "R-10");
    }
}
