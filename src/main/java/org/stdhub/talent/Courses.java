package org.stdhub.talent;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.training.Course;
import org.stdhub.talent.training.CourseRepository;
import org.stdhub.talent.training.CourseSession;
import org.stdhub.talent.training.CourseSessionRepository;
import org.stdhub.talent.training.Enrolment;
import org.stdhub.talent.training.EnrolmentRepository;
import org.stdhub.talent.training.ICalendar;
import org.stdhub.talent.training.MaterialFiles;
import org.stdhub.talent.training.SessionMaterial;
import org.stdhub.talent.training.SessionMaterialRepository;

/**
 * Training: the public course catalog and its sessions (created by trainers and the base office), enrolment with a
 * waiting list (a freed place promotes the first waiting person), attendance recorded by the session's trainer,
 * materials, and the calendar (also as iCalendar). Enrolments move only through {@link EnrolmentState}'s table, each
 * move audited ({@link StateChanged} of type {@value #ENROLMENT_AUDIT}).
 */
@Service
@Transactional
public class Courses {

    static final String COURSE_AUDIT = "course";
    static final String ENROLMENT_AUDIT = "enrolment";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String TEACHERS = "hasAnyRole('ADMIN', 'BASE_OFFICER', 'TRAINER')";

    private final CourseRepository courses;
    private final CourseSessionRepository sessions;
    private final EnrolmentRepository enrolments;
    private final SessionMaterialRepository materials;
    private final MaterialFiles files;
    private final Recipients people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Courses(
            CourseRepository courses,
            CourseSessionRepository sessions,
            EnrolmentRepository enrolments,
            SessionMaterialRepository materials,
            MaterialFiles files,
            Recipients people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.courses = courses;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.materials = materials;
        this.files = files;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ catalog

    @PreAuthorize(TEACHERS)
    public CourseView createCourse(CourseForms.NewCourse f) {
        var errors = new InvalidInputException.Collector();
        String titleZh = strip(f.titleZh());
        errors.check(titleZh != null && titleZh.length() <= 300, "titleZh", "talent.error.course-title");
        String titleEn = strip(f.titleEn());
        errors.check(titleEn == null || titleEn.length() <= 300, "titleEn", "talent.error.too-long");
        String description = strip(f.description());
        errors.check(description == null || description.length() <= 4000, "description", "talent.error.too-long");
        errors.throwIfAny();
        Course c = courses.saveAndFlush(
                new Course(titleZh, titleEn, description, Viewer.current().personId(), clock.instant()));
        events.publishEvent(StateChanged.of(COURSE_AUDIT, c.getId(), "created").withChange("title", null, titleZh));
        return view(c, Viewer.current());
    }

    /** A session of a course; the signed-in trainer holds it. */
    @PreAuthorize(TEACHERS)
    public SessionView addSession(long courseId, CourseForms.NewSession f) {
        return addSession(courseId, f, Viewer.current());
    }

    /** {@link #addSession} for {@code viewer}, its trainer (the demo data names its trainer so). */
    SessionView addSession(long courseId, CourseForms.NewSession f, Viewer viewer) {
        Course course = courses.findById(courseId).orElseThrow(() -> new NotFoundException("talent.error.no-course"));
        if (viewer.personId() == null) {
            throw new NotPermittedException("talent.error.person-only");
        }
        var errors = new InvalidInputException.Collector();
        String place = strip(f.place());
        errors.check(place != null && place.length() <= 300, "place", "talent.error.place");
        errors.check(f.startsAt() != null, "startsAt", "talent.error.session-times");
        errors.check(
                f.startsAt() == null || f.endsAt() != null && f.endsAt().isAfter(f.startsAt()),
                "endsAt",
                "talent.error.session-times");
        errors.check(
                f.capacity() != null && f.capacity() > 0 && f.capacity() <= 10_000,
                "capacity",
                "talent.error.capacity");
        BigDecimal fee = f.feeYuan() == null ? BigDecimal.ZERO : f.feeYuan();
        errors.check(fee.signum() >= 0 && fee.scale() <= 2 && fee.precision() <= 12, "feeYuan", "talent.error.fee");
        errors.throwIfAny();
        CourseSession s = sessions.saveAndFlush(new CourseSession(
                course.getId(),
                place,
                f.startsAt().atZone(ZONE).toInstant(),
                f.endsAt().atZone(ZONE).toInstant(),
                f.capacity(),
                fee,
                viewer.personId(),
                clock.instant()));
        events.publishEvent(StateChanged.of(COURSE_AUDIT, course.getId(), "session-added")
                .withChange("session", null, s.getId())
                .withChange("place", null, place)
                .withChange("startsAt", null, f.startsAt())
                .withChange("capacity", null, f.capacity())
                .withChange("feeYuan", null, fee.toPlainString()));
        return view(s, course, viewer);
    }

    /** Public: the catalog. */
    @Transactional(readOnly = true)
    public List<CourseView> catalog() {
        Viewer viewer = Viewer.current();
        return courses.findAllByOrderByIdDesc().stream()
                .map(c -> view(c, viewer))
                .toList();
    }

    /** Public: the {@code n} courses offered last, newest first. */
    @Transactional(readOnly = true)
    public List<CourseView> latest(int n) {
        Viewer viewer = Viewer.current();
        return courses.findAllByOrderByIdDesc().stream()
                .limit(Math.max(0, n))
                .map(c -> view(c, viewer))
                .toList();
    }

    /** Public: one course with its sessions. */
    @Transactional(readOnly = true)
    public CourseView course(long id) {
        return view(
                courses.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-course")),
                Viewer.current());
    }

    /** Public: one session; its enrolments only for its trainer and the base office. */
    @Transactional(readOnly = true)
    public SessionView session(long id) {
        CourseSession s = sessionOf(id);
        return view(s, courses.findById(s.getCourseId()).orElseThrow(), Viewer.current());
    }

    /** Public: every session in time order, for the calendar. */
    @Transactional(readOnly = true)
    public List<SessionView> calendar() {
        Viewer viewer = Viewer.current();
        Map<Long, Course> byId = new java.util.HashMap<>();
        courses.findAll().forEach(c -> byId.put(c.getId(), c));
        return sessions.findAllByOrderByStartsAt().stream()
                .map(s -> summary(s, byId.get(s.getCourseId()), viewer))
                .toList();
    }

    /** Public: the calendar as iCalendar (RFC 5545). */
    @Transactional(readOnly = true)
    public String icalendar(String baseUrl) {
        ICalendar cal = new ICalendar("-//StdHub//Training//ZH");
        Instant stamp = clock.instant();
        Map<Long, Course> byId = new java.util.HashMap<>();
        courses.findAll().forEach(c -> byId.put(c.getId(), c));
        for (CourseSession s : sessions.findAllByOrderByStartsAt()) {
            Course c = byId.get(s.getCourseId());
            cal.event(
                    "session-" + s.getId() + "@stdhub",
                    stamp,
                    s.getStartsAt(),
                    s.getEndsAt(),
                    c.getTitleZh() + (c.getTitleEn() == null ? "" : " / " + c.getTitleEn()),
                    s.getPlace(),
                    baseUrl + "/courses/" + c.getId());
        }
        return cal.finish();
    }

    // ------------------------------------------------------------------ enrolment

    /** The signed-in person enrols: a place while there is one, the waiting list otherwise. */
    @PreAuthorize("isAuthenticated()")
    public EnrolmentView enrol(long sessionId) {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            throw new NotPermittedException("talent.error.person-only");
        }
        CourseSession s =
                sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("talent.error.no-session"));
        if (!s.getStartsAt().isAfter(clock.instant())) {
            throw new ConflictException("talent.error.session-started");
        }
        if (!enrolments
                .findBySessionIdAndPersonIdAndStateIn(sessionId, viewer.personId(), EnrolmentState.ACTIVE)
                .isEmpty()) {
            throw new ConflictException("talent.error.already-enrolled");
        }
        long taken = enrolments.countBySessionIdAndStateIn(sessionId, EnrolmentState.HOLDING_A_PLACE);
        EnrolmentState state = taken < s.getCapacity() ? EnrolmentState.ENROLLED : EnrolmentState.WAITLISTED;
        String name = people.ofPerson(viewer.personId()).stream()
                .findFirst()
                .map(org.stdhub.identity.Contact::displayName)
                .orElseGet(viewer::displayName);
        Enrolment e = enrolments.saveAndFlush(
                new Enrolment(sessionId, viewer.personId(), name == null ? "?" : name, state, clock.instant()));
        events.publishEvent(StateChanged.of(ENROLMENT_AUDIT, e.getId(), "enrolled")
                .withChange("session", null, sessionId)
                .withChange("person", null, viewer.personId())
                .withChange("state", null, state));
        changed(e);
        return view(e);
    }

    /** The person cancels their enrolment (or the base office does); a freed place goes to the first waiting. */
    @PreAuthorize("isAuthenticated()")
    public EnrolmentView cancel(long enrolmentId) {
        Viewer viewer = Viewer.current();
        Enrolment e =
                enrolments.findById(enrolmentId).orElseThrow(() -> new NotFoundException("talent.error.no-enrolment"));
        if (!viewer.is(e.getPersonId()) && !viewer.office()) {
            throw new NotPermittedException("talent.error.not-yours");
        }
        CourseSession s = sessions.lockById(e.getSessionId()).orElseThrow();
        EnrolmentState before = e.getState();
        move(e, EnrolmentState.CANCELLED, "cancelled");
        if (EnrolmentState.HOLDING_A_PLACE.contains(before)) {
            promote(s);
        }
        return view(e);
    }

    /** The session's trainer records attendance (or a no-show) after the session has begun. */
    @PreAuthorize("hasRole('TRAINER')")
    public EnrolmentView recordAttendance(long enrolmentId, EnrolmentState state) {
        Enrolment e =
                enrolments.findById(enrolmentId).orElseThrow(() -> new NotFoundException("talent.error.no-enrolment"));
        CourseSession s = sessionOf(e.getSessionId());
        if (!Viewer.current().is(s.getTrainerPersonId())) {
            throw new NotPermittedException("talent.error.not-trainer");
        }
        if (state != EnrolmentState.ATTENDED && state != EnrolmentState.NO_SHOW) {
            throw new InvalidInputException(Map.of("state", "talent.error.attendance"));
        }
        if (s.getStartsAt().isAfter(clock.instant())) {
            throw new ConflictException("talent.error.session-not-started");
        }
        move(e, state, state == EnrolmentState.ATTENDED ? "attended" : "no-show");
        return view(e);
    }

    /** The signed-in person's enrolments. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<EnrolmentView> mine() {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            return List.of();
        }
        return enrolments.findByPersonIdOrderByIdDesc(viewer.personId()).stream()
                .map(Courses::view)
                .toList();
    }

    // ------------------------------------------------------------------ materials

    /** The session's trainer (or the base office) hands out a file. */
    @PreAuthorize(TEACHERS)
    public SessionView.MaterialView addMaterial(long sessionId, String fileName, byte[] content) {
        CourseSession s = managed(sessionId, Viewer.current());
        String name = strip(fileName);
        if (name == null || name.length() > 200) {
            throw new InvalidInputException(Map.of("file", "talent.error.material-name"));
        }
        name = name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_");
        ContentStore.Stored stored = files.store(content);
        SessionMaterial m = materials.saveAndFlush(new SessionMaterial(
                s.getId(), name, stored.mediaType(), stored.sha256(), stored.size(), clock.instant()));
        events.publishEvent(StateChanged.of(COURSE_AUDIT, s.getCourseId(), "material-added")
                .withChange("session", null, s.getId())
                .withChange("file", null, name)
                .withChange("sha256", null, stored.sha256()));
        return new SessionView.MaterialView(m.getId(), m.getFileName(), m.getMediaType(), m.getSizeBytes());
    }

    /** A material's bytes: for the session's trainer, the base office and the people enrolled. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Material material(long materialId) {
        SessionMaterial m =
                materials.findById(materialId).orElseThrow(() -> new NotFoundException("talent.error.no-material"));
        CourseSession s = sessionOf(m.getSessionId());
        Viewer viewer = Viewer.current();
        boolean enrolled = viewer.personId() != null
                && !enrolments
                        .findBySessionIdAndPersonIdAndStateIn(
                                s.getId(), viewer.personId(), EnrolmentState.HOLDING_A_PLACE)
                        .isEmpty();
        if (!enrolled && !mayManage(s, viewer)) {
            throw new NotPermittedException("talent.error.not-enrolled");
        }
        return new Material(m.getFileName(), m.getMediaType(), files.read(m.getSha256()));
    }

    /** A material file to download. */
    public record Material(String fileName, String mediaType, byte[] content) {}

    // ------------------------------------------------------------------ for exams

    /** The person's enrolment in the session that may sit its exam (enrolled or attended), if any. */
    Optional<Enrolment> examEnrolment(long sessionId, long personId) {
        return enrolments
                .findBySessionIdAndPersonIdAndStateIn(
                        sessionId, personId, java.util.Set.of(EnrolmentState.ENROLLED, EnrolmentState.ATTENDED))
                .stream()
                .findFirst();
    }

    CourseSession sessionOf(long id) {
        return sessions.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-session"));
    }

    String courseTitle(CourseSession s) {
        return courses.findById(s.getCourseId()).map(Course::getTitleZh).orElse("");
    }

    // ------------------------------------------------------------------ internals

    private void move(Enrolment e, EnrolmentState to, String action) {
        EnrolmentState from = e.getState();
        if (!from.mayMoveTo(to)) {
            throw new ConflictException("talent.error.enrolment-transition");
        }
        e.move(to, clock.instant());
        enrolments.flush();
        events.publishEvent(StateChanged.of(ENROLMENT_AUDIT, e.getId(), action).withChange("state", from, to));
        changed(e);
    }

    /** Tells other modules (the research center's training figures) where the enrolment stands, per course. */
    private void changed(Enrolment e) {
        CourseSession s = sessionOf(e.getSessionId());
        events.publishEvent(new EnrolmentChanged(
                e.getId(),
                s.getCourseId(),
                courseTitle(s),
                s.getId(),
                e.getState(),
                e.getEnrolledAt(),
                clock.instant()));
    }

    /** Fills freed places from the waiting list, first come first served. */
    private void promote(CourseSession s) {
        long taken = enrolments.countBySessionIdAndStateIn(s.getId(), EnrolmentState.HOLDING_A_PLACE);
        for (Enrolment waiting :
                enrolments.findBySessionIdAndStateOrderByEnrolledAtAscIdAsc(s.getId(), EnrolmentState.WAITLISTED)) {
            if (taken >= s.getCapacity()) {
                return;
            }
            move(waiting, EnrolmentState.ENROLLED, "promoted");
            taken++;
        }
    }

    private CourseSession managed(long sessionId, Viewer viewer) {
        CourseSession s = sessionOf(sessionId);
        if (!mayManage(s, viewer)) {
            throw new NotPermittedException("talent.error.not-trainer");
        }
        return s;
    }

    static boolean mayManage(CourseSession s, Viewer viewer) {
        return viewer.office() || viewer.is(s.getTrainerPersonId());
    }

    private CourseView view(Course c, Viewer viewer) {
        List<SessionView> list = new ArrayList<>();
        for (CourseSession s : sessions.findByCourseIdOrderByStartsAt(c.getId())) {
            list.add(view(s, c, viewer));
        }
        return new CourseView(c.getId(), c.getTitleZh(), c.getTitleEn(), c.getDescription(), list);
    }

    private SessionView summary(CourseSession s, Course c, Viewer viewer) {
        return view(s, c, viewer, false);
    }

    private SessionView view(CourseSession s, Course c, Viewer viewer) {
        return view(s, c, viewer, true);
    }

    private SessionView view(CourseSession s, Course c, Viewer viewer, boolean full) {
        List<Enrolment> all = enrolments.findBySessionIdOrderById(s.getId());
        int taken = (int) all.stream()
                .filter(e -> EnrolmentState.HOLDING_A_PLACE.contains(e.getState()))
                .count();
        int waiting = (int) all.stream()
                .filter(e -> e.getState() == EnrolmentState.WAITLISTED)
                .count();
        boolean manage = mayManage(s, viewer);
        EnrolmentView mine = viewer.personId() == null
                ? null
                : all.stream()
                        .filter(e -> viewer.is(e.getPersonId()) && EnrolmentState.ACTIVE.contains(e.getState()))
                        .findFirst()
                        .map(Courses::view)
                        .orElse(null);
        List<SessionView.MaterialView> files = full
                ? materials.findBySessionIdOrderById(s.getId()).stream()
                        .map(m -> new SessionView.MaterialView(
                                m.getId(), m.getFileName(), m.getMediaType(), m.getSizeBytes()))
                        .toList()
                : List.of();
        return new SessionView(
                s.getId(),
                c.getId(),
                c.getTitleZh(),
                s.getPlace(),
                LocalDateTime.ofInstant(s.getStartsAt(), ZONE),
                LocalDateTime.ofInstant(s.getEndsAt(), ZONE),
                s.getCapacity(),
                taken,
                waiting,
                s.getFeeYuan(),
                s.getTrainerPersonId(),
                manage,
                files,
                manage && full ? all.stream().map(Courses::view).toList() : List.of(),
                mine);
    }

    static EnrolmentView view(Enrolment e) {
        return new EnrolmentView(
                e.getId(),
                e.getSessionId(),
                e.getPersonId(),
                e.getPersonName(),
                e.getState(),
                e.getEnrolledAt(),
                e.getFeePaidYuan(),
                e.getFeePaidOn(),
                e.getFeeReceipt());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
