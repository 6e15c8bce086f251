package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;

/** The transition table: every transition refused from every other stage, every condition named when it is missing. */
class StageTransitionsTests {

    private static final Set<Party> SECRETARIAT = Set.of(Party.SECRETARY, Party.MEMBER);

    /** A project for which every condition holds. */
    private static ProjectFacts everything(ProjectKind kind, AdoptionDegree degree) {
        return new ProjectFacts(kind, degree, 1, true, true, true, true, true, 0, true, true);
    }

    /** Facts for which every condition of {@code t} holds, except possibly conflicting ones resolved for {@code t}. */
    private static ProjectFacts satisfying(Transition t) {
        boolean needsOpenBallot = t.requires().contains(Requirement.OPEN_BALLOT);
        ProjectKind kind = t.requires().contains(Requirement.REVISION) ? ProjectKind.REVISION : ProjectKind.ADOPTION;
        AdoptionDegree degree = kind == ProjectKind.ADOPTION ? AdoptionDegree.IDT : null;
        return new ProjectFacts(kind, degree, 1, needsOpenBallot, true, true, true, true, 0, true, true);
    }

    private static ProjectFacts without(ProjectFacts f, Requirement r) {
        return switch (r) {
            case DRAFT ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        0,
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case OPEN_BALLOT ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        false,
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case BALLOT_CLOSED ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        false,
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case BALLOT_APPROVED ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        false,
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case REVIEW_BALLOT_APPROVED ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        false,
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case COMMENT_PERIOD_OVER ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        false,
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case COMMENTS_DISPOSED ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        3,
                        f.designationAssigned(),
                        f.reviewDue());
            case IDT_ADOPTION ->
                new ProjectFacts(
                        ProjectKind.ADOPTION,
                        AdoptionDegree.MOD,
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case REVISION ->
                new ProjectFacts(
                        ProjectKind.NEW,
                        null,
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
            case DESIGNATION_ASSIGNED ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        false,
                        f.reviewDue());
            case REVIEW_DUE ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        f.openBallot(),
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        false);
            case NO_OPEN_BALLOT ->
                new ProjectFacts(
                        f.kind(),
                        f.degree(),
                        f.drafts(),
                        true,
                        f.ballotClosedAtStage(),
                        f.ballotApprovedAtStage(),
                        f.reviewBallotApproved(),
                        f.commentPeriodOver(),
                        f.undisposedComments(),
                        f.designationAssigned(),
                        f.reviewDue());
        };
    }

    @Test
    void everyTransitionIsRefusedFromEveryStageItDoesNotStartFromNamingTheStage() {
        int refusals = 0;
        for (Transition t : StageTransitions.all()) {
            for (Stage s : Stage.values()) {
                if (t.from().contains(s)) {
                    continue;
                }
                assertThatThrownBy(() -> StageTransitions.check(t.name(), s, SECRETARIAT, satisfying(t), "why"))
                        .as("%s from %s", t.name(), s.code())
                        .isInstanceOfSatisfying(TransitionRefused.class, e -> {
                            assertThat(e.missing()).isEqualTo("STAGE");
                            assertThat(e.transition()).isEqualTo(t.name());
                            assertThat(e.messageKey()).isEqualTo("development.error.wrong-stage");
                            assertThat(e.args()).contains(s.code());
                        });
                refusals++;
            }
        }
        assertThat(refusals).isGreaterThan(StageTransitions.all().size() * (Stage.values().length - 4));
    }

    @Test
    void everyMissingConditionIsRefusedWithItsOwnReason() {
        int checked = 0;
        for (Transition t : StageTransitions.all()) {
            Stage from = t.from().iterator().next();
            ProjectFacts ok = satisfying(t);
            assertThat(StageTransitions.check(t.name(), from, SECRETARIAT, ok, "why"))
                    .as("%s with every condition met", t.name())
                    .isEqualTo(t);
            for (Requirement r : t.requires()) {
                assertThatThrownBy(() -> StageTransitions.check(t.name(), from, SECRETARIAT, without(ok, r), "why"))
                        .as("%s without %s", t.name(), r)
                        .isInstanceOfSatisfying(TransitionRefused.class, e -> {
                            assertThat(e.missing()).isEqualTo(r.name());
                            assertThat(e.messageKey()).isEqualTo(r.messageKey());
                            assertThat(e.problemProperties()).containsEntry("missing", r.name());
                        });
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void onlyTheSecretariatMakesTransitionsAndTheSystemOnlyCloses() {
        for (Transition t : StageTransitions.all()) {
            Stage from = t.from().iterator().next();
            assertThatThrownBy(() -> StageTransitions.check(t.name(), from, Set.of(Party.MEMBER), satisfying(t), "w"))
                    .as("a member making %s", t.name())
                    .isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> StageTransitions.check(t.name(), from, Set.of(), satisfying(t), "w"))
                    .as("nobody making %s", t.name())
                    .isInstanceOf(NotPermittedException.class);
        }
        Set<String> systemMay = StageTransitions.all().stream()
                .filter(t -> t.parties().contains(Party.SYSTEM))
                .map(Transition::name)
                .collect(Collectors.toSet());
        assertThat(systemMay)
                .containsExactlyInAnyOrder("CLOSE_PROJECT_BALLOT", "CLOSE_COMMENT_PERIOD", "CLOSE_REVIEW_BALLOT");
    }

    @Test
    void abandoningDeletingAndRejectingNeedAReason() {
        Transition abandon = StageTransitions.named("ABANDON_PROPOSAL").orElseThrow();
        assertThatThrownBy(() -> StageTransitions.check(
                        "ABANDON_PROPOSAL", Stage.PROPOSAL_UNDER_REVIEW, SECRETARIAT, satisfying(abandon), " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("comment", "development.error.reason-required"));
        assertThat(StageTransitions.all().stream().filter(t -> t.to().isFinal()).allMatch(Transition::commentRequired))
                .isTrue();
    }

    @Test
    void anUnknownTransitionIsBadInput() {
        assertThatThrownBy(() -> StageTransitions.check(
                        "JUMP_TO_PUBLICATION",
                        Stage.PROPOSAL_RECEIVED,
                        SECRETARIAT,
                        everything(ProjectKind.NEW, null),
                        null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fastTrackPathsAreConfiguredRowsWithTheirOwnConditions() {
        List<Transition> fast =
                StageTransitions.all().stream().filter(Transition::fastTrack).toList();
        assertThat(fast)
                .extracting(Transition::name)
                .containsExactlyInAnyOrder("FAST_TRACK_IDT_ADOPTION", "FAST_TRACK_REVISION");
        // an IDT adoption skips drafting; a MOD adoption does not
        ProjectFacts idt = everything(ProjectKind.ADOPTION, AdoptionDegree.IDT);
        assertThat(StageTransitions.check("FAST_TRACK_IDT_ADOPTION", Stage.PROJECT_APPROVED, SECRETARIAT, idt, null)
                        .to())
                .isEqualTo(Stage.COMMENT_DRAFT_REGISTERED);
        assertThatThrownBy(() -> StageTransitions.check(
                        "FAST_TRACK_IDT_ADOPTION",
                        Stage.PROJECT_APPROVED,
                        SECRETARIAT,
                        everything(ProjectKind.ADOPTION, AdoptionDegree.MOD),
                        null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("IDT_ADOPTION"));
    }

    @Test
    void thePossibleTransitionsFollowTheStageThePartyAndTheConditions() {
        ProjectFacts noBallotYet =
                new ProjectFacts(ProjectKind.NEW, null, 0, false, false, false, false, false, 0, false, false);
        assertThat(StageTransitions.possible(Stage.PROJECT_REGISTERED, SECRETARIAT, noBallotYet))
                .isEmpty();
        assertThat(StageTransitions.possible(Stage.PROPOSAL_UNDER_REVIEW, SECRETARIAT, noBallotYet))
                .extracting(Transition::name)
                .containsExactlyInAnyOrder("ABANDON_PROPOSAL", "REGISTER_PROJECT");
        assertThat(StageTransitions.possible(Stage.PROPOSAL_UNDER_REVIEW, Set.of(Party.MEMBER), noBallotYet))
                .isEmpty();
    }

    @Test
    void everyStageIsReachedAndOnlyFinalStagesHaveNoWayOn() {
        Set<Stage> reached = EnumSet.of(Stage.PROPOSAL_RECEIVED);
        StageTransitions.all().forEach(t -> reached.add(t.to()));
        assertThat(reached).containsExactlyInAnyOrder(Stage.values());
        for (Stage s : Stage.values()) {
            boolean end = s.isFinal() || s == Stage.TO_BE_REVISED;
            assertThat(StageTransitions.from(s).isEmpty())
                    .as("stage %s", s.code())
                    .isEqualTo(end);
        }
    }
}
