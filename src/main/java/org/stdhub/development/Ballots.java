package org.stdhub.development;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Contact;
import org.stdhub.identity.MembershipView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Recipients;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Ballots on projects: the secretariat opens one at 10.00 (project approval) or 40.00 (review draft) with the rule in
 * force that day; eligible voters vote once, changeable until the close; at the close the result is computed with
 * {@link BallotRule} and the project moves to the close-of-voting stage, where an approved ballot unlocks the next
 * stage.
 */
@Service
@Transactional
public class Ballots {

    static final String AUDIT_TYPE = "ballot";

    /** The transition that starts a ballot at each stage, and the one that closes it. */
    private static final Map<Stage, String> INITIATE = Map.of(
            Stage.PROJECT_REGISTERED,
            "INITIATE_PROJECT_BALLOT",
            Stage.REVIEW_DRAFT_REGISTERED,
            "INITIATE_REVIEW_BALLOT");

    private static final Map<Stage, String> CLOSE =
            Map.of(Stage.PROJECT_BALLOT, "CLOSE_PROJECT_BALLOT", Stage.REVIEW_BALLOT, "CLOSE_REVIEW_BALLOT");

    static final int MAX_REASON = 4000;

    private final BallotRepository ballots;
    private final BallotVoteRepository votes;
    private final Projects projects;
    private final Alliances alliances;
    private final Organizations organizations;
    private final Recipients people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ballots(
            BallotRepository ballots,
            BallotVoteRepository votes,
            Projects projects,
            Alliances alliances,
            Organizations organizations,
            Recipients people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.ballots = ballots;
        this.votes = votes;
        this.projects = projects;
        this.alliances = alliances;
        this.organizations = organizations;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** The secretariat opens a ballot on the project and the project moves to the ballot stage. */
    @PreAuthorize("isAuthenticated()")
    public BallotView open(long projectId, NewBallot b) {
        Project p = projects.project(projectId);
        Alliance alliance = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        if (!me.partiesIn(alliance.getOrganizationId()).contains(Party.SECRETARY) || !me.isPerson()) {
            throw new NotPermittedException("development.error.not-secretary-of", alliance.getNameZh());
        }
        String initiate = INITIATE.get(p.stage());
        if (initiate == null) {
            throw new ConflictException(
                    "development.error.no-ballot-here", p.stage().code());
        }
        Instant now = clock.instant();
        Instant opens = b.opensAt() == null || b.opensAt().isBefore(now) ? now : b.opensAt();
        var errors = new InvalidInputException.Collector();
        errors.check(b.closesAt() != null && b.closesAt().isAfter(opens), "closesAt", "development.error.ballot-times");
        errors.throwIfAny();
        Set<Long> voters = new LinkedHashSet<>();
        if (b.panel() == null || b.panel().isEmpty()) {
            for (MembershipView m : organizations.members(alliance.getOrganizationId())) {
                if (m.role() == Role.ALLIANCE_MEMBER && m.current()) {
                    voters.add(m.personId());
                }
            }
            if (voters.isEmpty()) {
                throw new InvalidInputException(Map.of("panel", "development.error.no-voters"));
            }
        } else {
            for (Long id : b.panel()) {
                if (id == null || people.ofPerson(id).isEmpty()) {
                    throw new InvalidInputException(Map.of("panel", "development.error.voter-unknown"));
                }
                voters.add(id);
            }
        }
        BallotRule rule =
                alliances.settingsOf(alliance.getId(), LocalDate.now(clock)).ballotRule();
        Stage ballotStage = StageTransitions.named(initiate).orElseThrow().to();
        Ballot ballot = ballots.save(new Ballot(
                projectId, ballotStage, opens, b.closesAt(), rule, b.isSecret(), voters, me.personId(), now));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, ballot.getId(), "opened")
                .withChange("project", null, projectId)
                .withChange("stage", null, ballotStage.code())
                .withChange("closesAt", null, b.closesAt())
                .withChange("voters", null, voters.size()));
        projects.apply(p, initiate, null, me);
        return view(ballot, me);
    }

    /** An eligible voter votes, or changes their vote, while the ballot is open. A disapproval needs a reason. */
    @PreAuthorize("isAuthenticated()")
    public BallotView vote(long ballotId, VotePosition position, String reason) {
        Ballot ballot = ballot(ballotId);
        Participant me = Participant.current();
        if (!me.isPerson() || !ballot.getVoters().contains(me.personId())) {
            throw new NotPermittedException("development.error.not-a-voter");
        }
        Instant now = clock.instant();
        if (ballot.isClosed() || !now.isBefore(ballot.getClosesAt())) {
            throw new ConflictException("development.error.ballot-closed", ballot.getClosesAt());
        }
        if (now.isBefore(ballot.getOpensAt())) {
            throw new ConflictException("development.error.ballot-not-open", ballot.getOpensAt());
        }
        var errors = new InvalidInputException.Collector();
        errors.check(position != null, "position", "development.error.position");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        errors.check(position != VotePosition.DISAPPROVE || why != null, "reason", "development.error.reason-required");
        errors.check(why == null || why.length() <= MAX_REASON, "reason", "development.error.comment-length");
        errors.throwIfAny();
        var existing = votes.findByBallotIdAndPersonId(ballotId, me.personId());
        String before = existing.map(v -> v.getPosition().name()).orElse(null);
        if (existing.isPresent()) {
            existing.get().change(position, why, now);
        } else {
            votes.save(new BallotVote(ballotId, me.personId(), position, why, now));
        }
        var change = StateChanged.of(AUDIT_TYPE, ballotId, existing.isPresent() ? "vote-changed" : "vote-cast")
                .withChange("voter", null, me.name());
        if (!ballot.isSecret()) {
            change = change.withChange("position", before, position.name()).withComment(why);
        }
        events.publishEvent(change);
        return view(ballot, me);
    }

    /**
     * Closes a ballot at or after its closing time (the secretariat, or the scheduled job as the system), records the
     * counts and the outcome, and moves the project to the close of voting.
     */
    @PreAuthorize("isAuthenticated()")
    public BallotView close(long ballotId) {
        Ballot ballot = ballot(ballotId);
        Project p = projects.project(ballot.getProjectId());
        Alliance alliance = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        Set<Party> parties = me.partiesIn(alliance.getOrganizationId());
        if (!parties.contains(Party.SECRETARY) && !parties.contains(Party.SYSTEM)) {
            throw new NotPermittedException("development.error.not-secretary-of", alliance.getNameZh());
        }
        if (ballot.isClosed()) {
            throw new ConflictException("development.error.ballot-already-closed");
        }
        Instant now = clock.instant();
        if (now.isBefore(ballot.getClosesAt())) {
            throw new ConflictException("development.error.ballot-still-open", ballot.getClosesAt());
        }
        int approve = 0;
        int disapprove = 0;
        int abstain = 0;
        for (BallotVote v : votes.findByBallotId(ballotId)) {
            if (!ballot.getVoters().contains(v.getPersonId())) {
                continue;
            }
            switch (v.getPosition()) {
                case APPROVE -> approve++;
                case DISAPPROVE -> disapprove++;
                case ABSTAIN -> abstain++;
            }
        }
        BallotRule.Tally tally = ballot.rule().tally(ballot.getVoters().size(), approve, disapprove, abstain);
        ballot.close(tally, now);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, ballotId, "closed")
                .withChange("approve", null, approve)
                .withChange("disapprove", null, disapprove)
                .withChange("abstain", null, abstain)
                .withChange("eligible", null, tally.eligible())
                .withChange("result", null, tally.outcome()));
        events.publishEvent(new BallotClosed(
                ballotId,
                p.getId(),
                ballot.stage().code(),
                tally.eligible(),
                approve,
                disapprove,
                abstain,
                tally.outcome()));
        String closing = CLOSE.get(p.stage());
        if (closing != null && ballot.stage() == p.stage()) {
            projects.apply(p, closing, null, me);
        }
        return view(ballot, me);
    }

    /** Ballots whose closing time has come and that nobody closed yet. */
    @Transactional(readOnly = true)
    public List<Long> due() {
        return ballots.findByClosedAtIsNullAndClosesAtLessThanEqual(clock.instant()).stream()
                .map(Ballot::getId)
                .toList();
    }

    @Transactional(readOnly = true)
    public BallotView get(long ballotId) {
        return view(ballot(ballotId), Participant.current());
    }

    @Transactional(readOnly = true)
    public List<BallotView> ofProject(long projectId) {
        projects.project(projectId);
        Participant me = Participant.current();
        return ballots.findByProjectIdOrderByIdAsc(projectId).stream()
                .map(b -> view(b, me))
                .toList();
    }

    private BallotView view(Ballot b, Participant me) {
        Instant now = clock.instant();
        boolean eligible = me.isPerson() && b.getVoters().contains(me.personId());
        BallotVote mine = eligible
                ? votes.findByBallotIdAndPersonId(b.getId(), me.personId()).orElse(null)
                : null;
        List<BallotView.VoteView> shown = new ArrayList<>();
        if (!b.isSecret()) {
            for (BallotVote v : votes.findByBallotId(b.getId())) {
                String name = people.ofPerson(v.getPersonId()).stream()
                        .map(Contact::displayName)
                        .findFirst()
                        .orElse("#" + v.getPersonId());
                shown.add(new BallotView.VoteView(name, v.getPosition(), v.getReason(), v.getChangedAt()));
            }
        }
        return new BallotView(
                b.getId(),
                b.getProjectId(),
                b.stage().code(),
                b.getOpensAt(),
                b.getClosesAt(),
                b.rule(),
                b.isSecret(),
                b.getVoters().size(),
                b.acceptsVotesAt(now),
                b.isClosed(),
                eligible && b.acceptsVotesAt(now),
                mine == null ? null : mine.getPosition(),
                mine == null ? null : mine.getReason(),
                List.copyOf(shown),
                b.getApproveCount(),
                b.getDisapproveCount(),
                b.getAbstainCount(),
                b.getResult());
    }

    private Ballot ballot(long id) {
        return ballots.findById(id).orElseThrow(() -> new NotFoundException("development.error.ballot-not-found", id));
    }
}
