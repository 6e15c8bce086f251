package org.stdhub.development;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads what the transition guards need about a project now ({@link ProjectFacts}), from the current records. */
@Component
class ProjectState {

    private final BallotRepository ballots;
    private final DraftVersionRepository drafts;
    private final DraftCommentRepository comments;
    private final Alliances alliances;
    private final Clock clock;

    ProjectState(
            BallotRepository ballots,
            DraftVersionRepository drafts,
            DraftCommentRepository comments,
            Alliances alliances,
            Clock clock) {
        this.ballots = ballots;
        this.drafts = drafts;
        this.comments = comments;
        this.alliances = alliances;
        this.clock = clock;
    }

    ProjectFacts of(Project p) {
        Instant now = clock.instant();
        List<Ballot> all = ballots.findByProjectIdOrderByIdAsc(p.getId());
        boolean open = all.stream().anyMatch(b -> !b.isClosed());
        Stage stage = p.stage();
        Optional<Ballot> latestHere = all.stream()
                .filter(b -> b.stage().major().equals(stage.major()))
                .max(Comparator.comparing(Ballot::getId));
        boolean closedHere = latestHere.map(Ballot::isClosed).orElse(false);
        boolean approvedHere = latestHere
                .map(b -> b.getResult() == BallotRule.Outcome.APPROVED)
                .orElse(false);
        boolean reviewApproved = all.stream()
                .filter(b -> b.stage() == Stage.REVIEW_BALLOT && b.isClosed())
                .max(Comparator.comparing(Ballot::getId))
                .map(b -> b.getResult() == BallotRule.Outcome.APPROVED)
                .orElse(false);
        boolean commentOver = p.getCommentClosesAt() != null && !now.isBefore(p.getCommentClosesAt());
        return new ProjectFacts(
                p.getKind(),
                p.getAdoptionDegree(),
                drafts.countByProjectId(p.getId()),
                open,
                closedHere,
                approvedHere,
                reviewApproved,
                commentOver,
                comments.countByProjectIdAndDispositionIsNull(p.getId()),
                p.getDesignation() != null,
                reviewDue(p));
    }

    /** The day the review cycle runs out (since publication or the last confirmation), or null when unpublished. */
    LocalDate reviewDueOn(Project p) {
        if (p.getPublishedOn() == null) {
            return null;
        }
        LocalDate since = p.stage() == Stage.CONFIRMED
                ? p.getStageSince().atZone(clock.getZone()).toLocalDate()
                : p.getPublishedOn();
        return since.plusYears(
                alliances.settingsOf(p.getAllianceId(), LocalDate.now(clock)).reviewYears());
    }

    /** The review cycle has run out since publication or the last confirmation. */
    boolean reviewDue(Project p) {
        if (p.getPublishedOn() == null) {
            return false;
        }
        ZoneId zone = clock.getZone();
        LocalDate since =
                p.stage() == Stage.CONFIRMED ? p.getStageSince().atZone(zone).toLocalDate() : p.getPublishedOn();
        LocalDate today = LocalDate.now(clock);
        int years = alliances.settingsOf(p.getAllianceId(), today).reviewYears();
        return !since.plusYears(years).isAfter(today);
    }

    /** When the current step ends: the open ballot's closing time, else the open comment period's. */
    Instant deadline(Project p) {
        return ballots.findByProjectIdOrderByIdAsc(p.getId()).stream()
                .filter(b -> !b.isClosed())
                .map(Ballot::getClosesAt)
                .findFirst()
                .orElse(p.stage() == Stage.COMMENT_PERIOD ? p.getCommentClosesAt() : null);
    }
}
