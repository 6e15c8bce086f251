package org.stdhub.development;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * The comment period's comments: anyone signed in comments while the period is open (late comments are refused);
 * the secretariat records comments received otherwise and the drafting group's dispositions, also through the
 * xlsx table in the ISO template's layout (export, fill in, import).
 */
@Service
@Transactional
public class Comments {

    static final int MAX_TEXT = 8000;

    private final DraftCommentRepository comments;
    private final Projects projects;
    private final Alliances alliances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Comments(
            DraftCommentRepository comments,
            Projects projects,
            Alliances alliances,
            ApplicationEventPublisher events,
            Clock clock) {
        this.comments = comments;
        this.projects = projects;
        this.alliances = alliances;
        this.events = events;
        this.clock = clock;
    }

    /** A comment during the open comment period, by anyone signed in. */
    @PreAuthorize("isAuthenticated()")
    public CommentView submit(long projectId, CommentEntry entry) {
        Project p = projects.project(projectId);
        Participant me = Participant.current();
        if (!me.isPerson()) {
            throw new NotPermittedException("development.error.not-a-person");
        }
        requireOpenPeriod(p);
        return add(p, entry, me);
    }

    private void requireOpenPeriod(Project p) {
        Instant now = clock.instant();
        if (p.stage() != Stage.COMMENT_PERIOD
                || p.getCommentClosesAt() == null
                || !now.isBefore(p.getCommentClosesAt())) {
            throw new ConflictException("development.error.comment-period-closed");
        }
    }

    private CommentView add(Project p, CommentEntry e, Participant me) {
        var errors = new InvalidInputException.Collector();
        errors.check(e != null && present(e.memberBody(), 200), "memberBody", "development.error.member-body");
        errors.check(e != null && e.type() != null, "type", "development.error.comment-type");
        errors.check(e != null && present(e.comment(), MAX_TEXT), "comment", "development.error.comment-text");
        if (e != null) {
            errors.check(optional(e.line(), 40), "line", "development.error.comment-field");
            errors.check(optional(e.clause(), 100), "clause", "development.error.comment-field");
            errors.check(optional(e.element(), 100), "element", "development.error.comment-field");
            errors.check(optional(e.proposedChange(), MAX_TEXT), "proposedChange", "development.error.comment-field");
        }
        errors.throwIfAny();
        int seq = comments.countByProjectId(p.getId()) + 1;
        DraftComment c = comments.save(new DraftComment(p.getId(), seq, e, me.personId(), clock.instant()));
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, p.getId(), "comment-received")
                .withChange("comment", null, "#" + seq + " " + e.memberBody() + " " + e.type()));
        return c.view();
    }

    /**
     * The findings of a verification of the project's draft (one per clause, from the verification center), recorded
     * in the comment table like the comments received, so the drafting group dispositions them. Called by the
     * verification module when a task is reported, in its transaction: every finding or none.
     */
    @PreAuthorize("isAuthenticated()")
    public List<CommentView> recordVerificationFindings(long projectId, String source, List<CommentEntry> findings) {
        Project p = projects.project(projectId);
        if (p.stage().isFinal()) {
            throw new ConflictException(
                    "development.error.project-ended", p.stage().code());
        }
        Participant me = Participant.current();
        List<CommentView> recorded = new java.util.ArrayList<>();
        for (CommentEntry e : findings) {
            recorded.add(add(p, e, me));
        }
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, p.getId(), "verification-findings")
                .withChange("findings", null, recorded.size())
                .withComment(source));
        return recorded;
    }

    private static boolean present(String s, int max) {
        return s != null && !s.isBlank() && s.length() <= max;
    }

    private static boolean optional(String s, int max) {
        return s == null || s.length() <= max;
    }

    /** The secretariat records the drafting group's disposition of comment {@code seq}. */
    @PreAuthorize("isAuthenticated()")
    public CommentView dispose(long projectId, int seq, Disposition disposition, String observations) {
        Project p = projects.project(projectId);
        Participant me = secretariat(p);
        requireDisposable(p);
        return disposeChecked(p, seq, disposition, observations, me);
    }

    private void requireDisposable(Project p) {
        if (p.stage() != Stage.COMMENT_PERIOD && p.stage() != Stage.COMMENT_PERIOD_CLOSED) {
            throw new ConflictException(
                    "development.error.not-disposable", p.stage().code());
        }
    }

    private CommentView disposeChecked(Project p, int seq, Disposition d, String observations, Participant me) {
        if (d == null) {
            throw new InvalidInputException(Map.of("disposition", "development.error.disposition"));
        }
        if (observations != null && observations.length() > MAX_TEXT) {
            throw new InvalidInputException(Map.of("observations", "development.error.comment-field"));
        }
        DraftComment c = comments.findByProjectIdAndSeq(p.getId(), seq)
                .orElseThrow(() -> new InvalidInputException(Map.of("seq", "development.error.comment-unknown")));
        Disposition before = c.getDisposition();
        c.dispose(
                d,
                observations == null || observations.isBlank() ? null : observations.strip(),
                me.personId(),
                clock.instant());
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, p.getId(), "comment-disposed")
                .withChange("comment#" + seq, before, d));
        return c.view();
    }

    private Participant secretariat(Project p) {
        Alliance a = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        if (!me.isPerson() || !me.partiesIn(a.getOrganizationId()).contains(Party.SECRETARY)) {
            throw new NotPermittedException("development.error.not-secretary-of", a.getNameZh());
        }
        return me;
    }

    @Transactional(readOnly = true)
    public List<CommentView> of(long projectId) {
        projects.project(projectId);
        return comments.findByProjectIdOrderBySeqAsc(projectId).stream()
                .map(DraftComment::view)
                .toList();
    }

    /** The comment table as xlsx in the ISO template's layout. */
    @Transactional(readOnly = true)
    public byte[] export(long projectId) {
        return CommentSheet.write(of(projectId));
    }

    /** What an import did. */
    public record Imported(int added, int disposed, int unchanged) {}

    /**
     * The secretariat imports a filled-in table: rows without a number are added as comments (received outside the
     * platform, during the period), rows with a number and a disposition dispose of that comment. All or nothing.
     */
    @PreAuthorize("isAuthenticated()")
    public Imported importTable(long projectId, byte[] xlsx) {
        Project p = projects.project(projectId);
        Participant me = secretariat(p);
        List<CommentSheet.Line> lines = CommentSheet.read(xlsx);
        int added = 0;
        int disposed = 0;
        int unchanged = 0;
        for (CommentSheet.Line line : lines) {
            if (line.seq() == null) {
                requireOpenPeriod(p);
                add(p, line.entry(), me);
                added++;
            } else if (line.disposition() != null) {
                DraftComment c = comments.findByProjectIdAndSeq(p.getId(), line.seq())
                        .orElseThrow(
                                () -> new InvalidInputException(Map.of("seq", "development.error.comment-unknown")));
                var now = c.view();
                if (line.disposition() == now.disposition()
                        && java.util.Objects.equals(line.observations(), now.observations())) {
                    unchanged++;
                } else {
                    requireDisposable(p);
                    disposeChecked(p, line.seq(), line.disposition(), line.observations(), me);
                    disposed++;
                }
            } else {
                unchanged++;
            }
        }
        return new Imported(added, disposed, unchanged);
    }
}
