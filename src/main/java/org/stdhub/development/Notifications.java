package org.stdhub.development;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Recipients;
import org.stdhub.identity.Role;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.NotPermittedException;

/**
 * What the development module tells people by e-mail, queued in its outbox ({@link Notification}) in the same
 * transaction as the change it reports: a comment period opened (to the alliance's people), a ballot opened (to its
 * voters), and reminders before deadlines — a comment period or a ballot closing within {@code
 * stdhub.development.reminder-days} (voters who have not voted yet), a systematic review due within 30 days (the
 * secretariat). Each occasion is queued once per person. {@link NotificationSender} delivers them. The alliance's
 * secretariat and the base office see each delivery on the project.
 */
@Service
@Transactional
public class Notifications {

    static final String COMMENT_OPENED = "comment-opened";
    static final String BALLOT_OPENED = "ballot-opened";
    static final String REMINDER_COMMENT = "reminder-comment";
    static final String REMINDER_BALLOT = "reminder-ballot";
    static final String REMINDER_REVIEW = "reminder-review";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final NotificationRepository outbox;
    private final ProjectRepository projects;
    private final BallotRepository ballots;
    private final BallotVoteRepository votes;
    private final Alliances alliances;
    private final ProjectState state;
    private final Recipients recipients;
    private final Organizations organizations;
    private final Mailer mailer;
    private final Clock clock;
    private final Duration reminderWindow;

    Notifications(
            NotificationRepository outbox,
            ProjectRepository projects,
            BallotRepository ballots,
            BallotVoteRepository votes,
            Alliances alliances,
            ProjectState state,
            Recipients recipients,
            Organizations organizations,
            Mailer mailer,
            Clock clock,
            @Value("${stdhub.development.reminder-days:3}") int reminderDays) {
        this.outbox = outbox;
        this.projects = projects;
        this.ballots = ballots;
        this.votes = votes;
        this.alliances = alliances;
        this.state = state;
        this.recipients = recipients;
        this.organizations = organizations;
        this.mailer = mailer;
        this.clock = clock;
        this.reminderWindow = Duration.ofDays(reminderDays);
    }

    /** The project's e-mails and their delivery, newest first: for its alliance's secretariat and the base office. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<NotificationView> ofProject(long projectId) {
        Project p = projects.findById(projectId)
                .orElseThrow(() ->
                        new org.stdhub.platform.NotFoundException("development.error.project-not-found", projectId));
        Alliance a = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        if (!me.isBaseOffice() && !me.partiesIn(a.getOrganizationId()).contains(Party.SECRETARY)) {
            throw new NotPermittedException("development.error.not-secretary-of", a.getNameZh());
        }
        return outbox.findByProjectIdOrderByIdDesc(projectId).stream()
                .map(n -> n.view(recipients.ofPerson(n.getRecipientId()).stream()
                        .map(Contact::displayName)
                        .findFirst()
                        .orElse("#" + n.getRecipientId())))
                .toList();
    }

    /** A stage change that people must hear of: a comment period or a ballot opened. */
    @EventListener
    void onStageChanged(ProjectStageChanged e) {
        Project p = projects.findById(e.projectId()).orElseThrow();
        if (Stage.COMMENT_PERIOD.code().equals(e.toStage())) {
            Alliance a = alliances.alliance(p.getAllianceId());
            Set<Long> people = new LinkedHashSet<>();
            recipients.ofOrganization(a.getOrganizationId()).forEach(c -> people.add(c.personId()));
            queue(
                    p,
                    COMMENT_OPENED,
                    "comment-opened:" + p.getId() + ":" + p.getCommentOpensAt(),
                    people,
                    List.of(p.getTitleZh(), a.getNameZh(), time(p.getCommentClosesAt()), link(p)));
        } else if (Stage.PROJECT_BALLOT.code().equals(e.toStage())
                || Stage.REVIEW_BALLOT.code().equals(e.toStage())) {
            ballots.findByProjectIdOrderByIdAsc(p.getId()).stream()
                    .filter(b -> !b.isClosed())
                    .forEach(b -> queue(
                            p,
                            BALLOT_OPENED,
                            "ballot-opened:" + b.getId(),
                            b.getVoters(),
                            List.of(p.getTitleZh(), e.toStage(), time(b.getClosesAt()), link(p))));
        }
    }

    /** Queues the reminders whose time has come (run as the system); returns how many e-mails it queued. */
    int remindDue() {
        Instant now = clock.instant();
        Instant horizon = now.plus(reminderWindow);
        int queued = 0;
        for (Ballot b : ballots.findByClosedAtIsNullOrderByClosesAtAsc()) {
            if (b.getClosesAt().isAfter(horizon) || !b.getClosesAt().isAfter(now)) {
                continue;
            }
            Project p = projects.findById(b.getProjectId()).orElseThrow();
            Set<Long> waiting = new LinkedHashSet<>(b.getVoters());
            votes.findByBallotId(b.getId()).forEach(v -> waiting.remove(v.getPersonId()));
            queued += queue(
                    p,
                    REMINDER_BALLOT,
                    "reminder-ballot:" + b.getId(),
                    waiting,
                    List.of(p.getTitleZh(), b.stage().code(), time(b.getClosesAt()), link(p)));
        }
        for (Project p : projects.findByStageInOrderByCommentClosesAtAsc(List.of(Stage.COMMENT_PERIOD.code()))) {
            Instant closes = p.getCommentClosesAt();
            if (closes == null || closes.isAfter(horizon) || !closes.isAfter(now)) {
                continue;
            }
            Alliance a = alliances.alliance(p.getAllianceId());
            Set<Long> people = new LinkedHashSet<>();
            recipients.ofOrganization(a.getOrganizationId()).forEach(c -> people.add(c.personId()));
            queued += queue(
                    p,
                    REMINDER_COMMENT,
                    "reminder-comment:" + p.getId() + ":" + closes,
                    people,
                    List.of(p.getTitleZh(), a.getNameZh(), time(closes), link(p)));
        }
        LocalDate today = LocalDate.now(clock);
        for (Project p : projects.findByStageInOrderByCommentClosesAtAsc(
                List.of(Stage.PUBLISHED.code(), Stage.CONFIRMED.code()))) {
            LocalDate due = state.reviewDueOn(p);
            if (due == null || due.isAfter(today.plusDays(30))) {
                continue;
            }
            Alliance a = alliances.alliance(p.getAllianceId());
            Set<Long> secretaries = new LinkedHashSet<>();
            organizations.members(a.getOrganizationId()).stream()
                    .filter(m -> m.role() == Role.ALLIANCE_SECRETARY && m.current())
                    .forEach(m -> secretaries.add(m.personId()));
            queued += queue(
                    p,
                    REMINDER_REVIEW,
                    "reminder-review:" + p.getId() + ":" + due,
                    secretaries,
                    List.of(p.getTitleZh(), String.valueOf(p.getDesignation()), due.toString(), link(p)));
        }
        return queued;
    }

    private int queue(Project p, String kind, String occasion, Collection<Long> people, List<String> args) {
        if (p.isDemo()) {
            return 0; // demo projects mail nobody
        }
        int queued = 0;
        Instant now = clock.instant();
        for (Long personId : people) {
            if (personId == null || outbox.existsByOccasionAndRecipientId(occasion, personId)) {
                continue;
            }
            for (Contact c : recipients.ofPerson(personId)) {
                if (c.email() != null && !c.email().isBlank()) {
                    outbox.save(new Notification(p.getId(), kind, occasion, personId, c.email(), args, now));
                    queued++;
                }
            }
        }
        return queued;
    }

    private String link(Project p) {
        return mailer.baseUrl() + "/projects/" + p.getId();
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
