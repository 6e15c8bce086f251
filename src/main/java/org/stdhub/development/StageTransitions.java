package org.stdhub.development;

import static org.stdhub.development.Party.SECRETARY;
import static org.stdhub.development.Party.SYSTEM;
import static org.stdhub.development.Requirement.*;
import static org.stdhub.development.Stage.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;

/**
 * The state machine of a group standard project as one table: every transition the alliances' procedure knows
 * (GB/T 20004.1-style 提案, 立项, 起草, 征求意见, 技术审查, 批准, 发布, 复审, 废止 on the harmonized codes of
 * 02_stages.md), with its guard. Fast-track paths of 02_stages.md §2.3 are rows like the others: an IDT adoption
 * may go from project approval to the comment draft, a revision straight to the review draft.
 *
 * <p>A check runs in a fixed order, and the first failure is the answer: an unknown transition (400), an actor
 * without the part the transition needs (403), a project not in a stage the transition starts from (409 naming the
 * stage), a condition not met (409 naming it), no reason given where one is required (400).
 */
public final class StageTransitions {

    private static final Set<Party> SECRETARIAT = Set.of(SECRETARY);
    private static final Set<Party> SECRETARIAT_OR_SYSTEM = Set.of(SECRETARY, SYSTEM);

    private static final Map<String, Transition> TABLE = table(
            row("START_REVIEW", Set.of(PROPOSAL_RECEIVED), PROPOSAL_UNDER_REVIEW),
            withReason("ABANDON_PROPOSAL", Set.of(PROPOSAL_RECEIVED, PROPOSAL_UNDER_REVIEW), PROPOSAL_ABANDONED),
            row("REGISTER_PROJECT", Set.of(PROPOSAL_UNDER_REVIEW), PROJECT_REGISTERED),
            row("INITIATE_PROJECT_BALLOT", Set.of(PROJECT_REGISTERED), PROJECT_BALLOT, OPEN_BALLOT),
            closing("CLOSE_PROJECT_BALLOT", PROJECT_BALLOT, PROJECT_BALLOT_CLOSED, BALLOT_CLOSED),
            row("APPROVE_PROJECT", Set.of(PROJECT_BALLOT_CLOSED), PROJECT_APPROVED, BALLOT_APPROVED),
            withReason("REJECT_PROJECT", Set.of(PROJECT_BALLOT_CLOSED), PROJECT_REJECTED),
            row("REGISTER_DRAFTING", Set.of(PROJECT_APPROVED), DRAFTING_REGISTERED),
            row("START_DRAFTING", Set.of(DRAFTING_REGISTERED), DRAFTING),
            row("APPROVE_WORKING_DRAFT", Set.of(DRAFTING), WORKING_DRAFT_APPROVED, DRAFT),
            fastTrack("FAST_TRACK_IDT_ADOPTION", PROJECT_APPROVED, COMMENT_DRAFT_REGISTERED, IDT_ADOPTION),
            fastTrack("FAST_TRACK_REVISION", PROJECT_APPROVED, REVIEW_DRAFT_REGISTERED, REVISION, DRAFT),
            row("REGISTER_COMMENT_DRAFT", Set.of(WORKING_DRAFT_APPROVED), COMMENT_DRAFT_REGISTERED, DRAFT),
            row("OPEN_COMMENT_PERIOD", Set.of(COMMENT_DRAFT_REGISTERED), COMMENT_PERIOD, DRAFT),
            closing("CLOSE_COMMENT_PERIOD", COMMENT_PERIOD, COMMENT_PERIOD_CLOSED, COMMENT_PERIOD_OVER),
            row(
                    "DISPOSE_COMMENTS",
                    Set.of(COMMENT_PERIOD_CLOSED),
                    Stage.COMMENTS_DISPOSED,
                    Requirement.COMMENTS_DISPOSED),
            withReason("REFER_BACK_COMMENT_DRAFT", Set.of(COMMENT_PERIOD_CLOSED), DRAFTING),
            row("REGISTER_REVIEW_DRAFT", Set.of(Stage.COMMENTS_DISPOSED), REVIEW_DRAFT_REGISTERED),
            row("INITIATE_REVIEW_BALLOT", Set.of(REVIEW_DRAFT_REGISTERED), REVIEW_BALLOT, DRAFT, OPEN_BALLOT),
            closing("CLOSE_REVIEW_BALLOT", REVIEW_BALLOT, REVIEW_BALLOT_CLOSED, BALLOT_CLOSED),
            row("APPROVE_REVIEW_DRAFT", Set.of(REVIEW_BALLOT_CLOSED), REVIEW_DRAFT_APPROVED, BALLOT_APPROVED),
            withReason("REPEAT_REVIEW_BALLOT", Set.of(REVIEW_BALLOT_CLOSED), REVIEW_DRAFT_REGISTERED),
            withReason("REFER_BACK_REVIEW_DRAFT", Set.of(REVIEW_BALLOT_CLOSED), COMMENT_DRAFT_REGISTERED),
            row("SUBMIT_FINAL_TEXT", Set.of(REVIEW_DRAFT_APPROVED), FINAL_TEXT_RECEIVED, DRAFT),
            row(
                    "APPROVE_FOR_PUBLICATION",
                    Set.of(FINAL_TEXT_RECEIVED),
                    APPROVED_FOR_PUBLICATION,
                    REVIEW_BALLOT_APPROVED,
                    Requirement.COMMENTS_DISPOSED),
            row("START_PUBLICATION", Set.of(APPROVED_FOR_PUBLICATION), UNDER_PUBLICATION),
            row("PUBLISH", Set.of(UNDER_PUBLICATION), PUBLISHED, DESIGNATION_ASSIGNED),
            row("START_SYSTEMATIC_REVIEW", Set.of(PUBLISHED, CONFIRMED), UNDER_SYSTEMATIC_REVIEW, REVIEW_DUE),
            row("CONFIRM", Set.of(UNDER_SYSTEMATIC_REVIEW), CONFIRMED),
            withReason("PROPOSE_REVISION", Set.of(UNDER_SYSTEMATIC_REVIEW), TO_BE_REVISED),
            withReason("PROPOSE_WITHDRAWAL", Set.of(UNDER_SYSTEMATIC_REVIEW), WITHDRAWAL_PROPOSED),
            withReason("WITHDRAW", Set.of(WITHDRAWAL_PROPOSED), WITHDRAWN),
            deletion(
                    "DELETE_IN_DRAFTING",
                    Set.of(DRAFTING_REGISTERED, DRAFTING, WORKING_DRAFT_APPROVED),
                    DRAFTING_DELETED),
            deletion(
                    "DELETE_IN_COMMENT",
                    Set.of(COMMENT_DRAFT_REGISTERED, COMMENT_PERIOD_CLOSED, Stage.COMMENTS_DISPOSED),
                    COMMENT_DRAFT_DELETED),
            deletion("DELETE_IN_REVIEW", Set.of(REVIEW_DRAFT_REGISTERED, REVIEW_BALLOT_CLOSED), REVIEW_DRAFT_DELETED),
            deletion("DELETE_FINAL_TEXT", Set.of(FINAL_TEXT_RECEIVED), FINAL_TEXT_DELETED));

    private StageTransitions() {}

    /** Every transition, in the order of the procedure. */
    public static List<Transition> all() {
        return List.copyOf(TABLE.values());
    }

    public static Optional<Transition> named(String name) {
        return Optional.ofNullable(name == null ? null : TABLE.get(name.strip()));
    }

    /** The transitions that start from {@code stage}, whatever their conditions. */
    public static List<Transition> from(Stage stage) {
        return TABLE.values().stream().filter(t -> t.from().contains(stage)).toList();
    }

    /** The transitions from {@code stage} that {@code parties} may make and whose conditions hold now. */
    public static List<Transition> possible(Stage stage, Set<Party> parties, ProjectFacts facts) {
        return from(stage).stream()
                .filter(t -> t.parties().stream().anyMatch(parties::contains))
                .filter(t -> t.requires().stream().allMatch(r -> r.isMet(facts)))
                .toList();
    }

    /**
     * Checks that {@code parties} may make the transition named {@code name} from {@code current} now, and returns
     * it; throws the refusal that names what is missing otherwise.
     */
    public static Transition check(String name, Stage current, Set<Party> parties, ProjectFacts facts, String comment) {
        Transition t = named(name)
                .orElseThrow(() -> new InvalidInputException(Map.of("transition", "development.error.transition")));
        if (t.parties().stream().noneMatch(parties::contains)) {
            throw new NotPermittedException("development.error.not-secretary", t.name());
        }
        if (!t.from().contains(current)) {
            throw TransitionRefused.wrongStage(t, current);
        }
        for (Requirement r : t.requires()) {
            if (!r.isMet(facts)) {
                throw TransitionRefused.missing(t, r);
            }
        }
        if (t.commentRequired() && (comment == null || comment.isBlank())) {
            throw new InvalidInputException(Map.of("comment", "development.error.reason-required"));
        }
        return t;
    }

    private static Transition row(String name, Set<Stage> from, Stage to, Requirement... requires) {
        return new Transition(name, from, to, SECRETARIAT, List.of(requires), false, false);
    }

    private static Transition withReason(String name, Set<Stage> from, Stage to) {
        return new Transition(name, from, to, SECRETARIAT, List.of(NO_OPEN_BALLOT), true, false);
    }

    private static Transition deletion(String name, Set<Stage> from, Stage to) {
        return withReason(name, from, to);
    }

    /** Closing at the appointed time: the secretariat, or the scheduled job as the system. */
    private static Transition closing(String name, Stage from, Stage to, Requirement requires) {
        return new Transition(name, Set.of(from), to, SECRETARIAT_OR_SYSTEM, List.of(requires), false, false);
    }

    private static Transition fastTrack(String name, Stage from, Stage to, Requirement... requires) {
        return new Transition(name, Set.of(from), to, SECRETARIAT, List.of(requires), false, true);
    }

    private static Map<String, Transition> table(Transition... rows) {
        Map<String, Transition> map = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Transition t : rows) {
            if (map.put(t.name(), t) != null) {
                duplicates.add(t.name());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("transitions named twice: " + duplicates);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
