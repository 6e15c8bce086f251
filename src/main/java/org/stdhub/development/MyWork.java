package org.stdhub.development;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My work" of the signed-in person, read from the current state (never inferred from past events): ballots waiting
 * for their vote, projects of their alliances waiting for the secretariat, what runs (ballots, comment periods), and
 * the projects they proposed. Overdue items are flagged; items with a deadline come first, earliest first.
 */
@Service
@Transactional(readOnly = true)
public class MyWork {

    private final ProjectRepository projects;
    private final AllianceRepository alliances;
    private final BallotRepository ballots;
    private final BallotVoteRepository votes;
    private final ProjectState state;
    private final org.springframework.beans.factory.ObjectProvider<WorkSource> sources;
    private final Clock clock;

    MyWork(
            ProjectRepository projects,
            AllianceRepository alliances,
            BallotRepository ballots,
            BallotVoteRepository votes,
            ProjectState state,
            org.springframework.beans.factory.ObjectProvider<WorkSource> sources,
            Clock clock) {
        this.projects = projects;
        this.alliances = alliances;
        this.ballots = ballots;
        this.votes = votes;
        this.state = state;
        this.sources = sources;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<WorkItem> mine() {
        Participant me = Participant.current();
        if (!me.isPerson()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WorkItem> items = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Ballot b : ballots.findByClosedAtIsNullOrderByClosesAtAsc()) {
            if (!b.getVoters().contains(me.personId())) {
                continue;
            }
            Project p = projects.findById(b.getProjectId()).orElseThrow();
            boolean voted =
                    votes.findByBallotIdAndPersonId(b.getId(), me.personId()).isPresent();
            items.add(item(voted ? "VOTED" : "VOTE", !voted, p, b.getId(), b.getClosesAt(), now));
            seen.add(p.getId());
        }
        for (Alliance a : alliances.findAll()) {
            Set<Party> parties = me.partiesIn(a.getOrganizationId());
            if (!parties.contains(Party.SECRETARY)) {
                continue;
            }
            for (Project p : projects.findByAllianceIdOrderByIdAsc(a.getId())) {
                if (p.stage().isFinal() || seen.contains(p.getId())) {
                    continue;
                }
                ProjectFacts facts = state.of(p);
                Instant deadline = state.deadline(p);
                // a ballot or period past its closing time is the secretariat's to close
                boolean due = deadline != null && !now.isBefore(deadline);
                if (due || !StageTransitions.possible(p.stage(), parties, facts).isEmpty()) {
                    items.add(item("TRANSITION", true, p, null, deadline, now));
                    seen.add(p.getId());
                } else if (deadline != null) {
                    items.add(item("RUNNING", false, p, null, deadline, now));
                    seen.add(p.getId());
                }
            }
        }
        for (Project p : projects.findAll()) {
            if (p.getProposedBy() == me.personId()
                    && !p.stage().isFinal()
                    && !seen.contains(p.getId())
                    && p.stage() != Stage.PUBLISHED) {
                items.add(item("MY_PROPOSAL", false, p, null, state.deadline(p), now));
            }
        }
        sources.orderedStream().forEach(source -> items.addAll(source.itemsFor(me.user())));
        items.sort(Comparator.comparing(WorkItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(WorkItem::projectId));
        return items;
    }

    private WorkItem item(String kind, boolean mine, Project p, Long ballotId, Instant deadline, Instant now) {
        String prefix =
                alliances.findById(p.getAllianceId()).map(Alliance::prefix).orElse("");
        return new WorkItem(
                kind,
                mine,
                p.getId(),
                p.getTitleZh(),
                prefix,
                p.stage().code(),
                ballotId,
                deadline,
                deadline != null && !now.isBefore(deadline));
    }
}
