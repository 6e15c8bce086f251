package org.stdhub.talent;

import static org.stdhub.talent.ExpertStatus.*;

import java.util.Set;

/**
 * The expert database's state machine as a table: each transition names the states it leaves, the state it enters,
 * who may take it, whether a reason is required and the guard that must hold. {@link org.stdhub.talent.Experts} checks
 * the table (and the row's {@link Guard}) before every change and publishes one {@link ExpertStatusChanged} per
 * transition taken.
 *
 * <p>A suspended expert who changes a qualification field stays {@link ExpertStatus#SUSPENDED} ({@link #REQUALIFY}
 * does not leave it: a change of profile never lifts a suspension), but the change clears the approval (the expert's
 * {@code approvedAt}). Ending the suspension then takes one of two rows, by their guards: {@link #REACTIVATE} back to
 * {@link ExpertStatus#ACTIVE} only while the qualification is the one approved, {@link #REACTIVATE_INTO_REVIEW} into
 * {@link ExpertStatus#IN_REVIEW} once it changed, where the base office approves or rejects it as any other. So no
 * expert becomes active again with a qualification nobody reviewed.
 */
public enum ExpertTransition {
    /** The base office takes an application up for review. */
    START_REVIEW(Set.of(APPLICANT), IN_REVIEW, Actor.OFFICE, false, Guard.NONE),
    /** The base office approves the qualification (guard: {@link Qualification}). */
    APPROVE(Set.of(IN_REVIEW), ACTIVE, Actor.OFFICE, false, Guard.QUALIFIED),
    REJECT(Set.of(IN_REVIEW), REJECTED, Actor.OFFICE, true, Guard.NONE),
    /** The expert changed a qualification field: the profile goes back to review (a suspended one stays suspended). */
    REQUALIFY(Set.of(ACTIVE, REJECTED), APPLICANT, Actor.SELF, false, Guard.NONE),
    SUSPEND(Set.of(ACTIVE), SUSPENDED, Actor.OFFICE, true, Guard.NONE),
    /** The suspension ends and the expert is active again: only with the qualification as it was approved. */
    REACTIVATE(Set.of(SUSPENDED), ACTIVE, Actor.OFFICE, false, Guard.QUALIFICATION_APPROVED),
    /** The suspension ends with the qualification the expert changed meanwhile taken up for review. */
    REACTIVATE_INTO_REVIEW(Set.of(SUSPENDED), IN_REVIEW, Actor.OFFICE, false, Guard.QUALIFICATION_CHANGED),
    /** The expert leaves the database (on their own wish, or by the base office). */
    RETIRE(Set.of(APPLICANT, IN_REVIEW, ACTIVE, SUSPENDED, REJECTED), RETIRED, Actor.OFFICE_OR_SELF, false, Guard.NONE);

    /**
     * What must hold of the expert for a transition, besides its states and actor; a refused guard answers 409 with
     * {@link #refusal()}. {@code offeredWhenRefused}: the step is still offered to the viewer, whose attempt then says
     * what is missing (an unqualified approval); otherwise another row of the table is offered instead.
     */
    public enum Guard {
        NONE(null, true),
        /** Years in the field and a senior title or an equivalent level ({@link Qualification}). */
        QUALIFIED("talent.error.not-qualified", true),
        /** No qualification field changed since the last approval. */
        QUALIFICATION_APPROVED("talent.error.qualification-changed", false),
        /** A qualification field changed since the last approval (while suspended). */
        QUALIFICATION_CHANGED("talent.error.qualification-unchanged", false);

        private final String refusal;
        private final boolean offeredWhenRefused;

        Guard(String refusal, boolean offeredWhenRefused) {
            this.refusal = refusal;
            this.offeredWhenRefused = offeredWhenRefused;
        }

        /** The message key of the 409 when the guard does not hold. */
        public String refusal() {
            return refusal;
        }

        public boolean offeredWhenRefused() {
            return offeredWhenRefused;
        }
    }

    /** Who may take a transition. */
    public enum Actor {
        OFFICE,
        SELF,
        OFFICE_OR_SELF;

        public boolean allows(boolean office, boolean self) {
            return switch (this) {
                case OFFICE -> office;
                case SELF -> self;
                case OFFICE_OR_SELF -> office || self;
            };
        }
    }

    private final Set<ExpertStatus> from;
    private final ExpertStatus to;
    private final Actor actor;
    private final boolean reasonRequired;
    private final Guard guard;

    ExpertTransition(Set<ExpertStatus> from, ExpertStatus to, Actor actor, boolean reasonRequired, Guard guard) {
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.reasonRequired = reasonRequired;
        this.guard = guard;
    }

    public boolean leaves(ExpertStatus status) {
        return from.contains(status);
    }

    public Set<ExpertStatus> from() {
        return from;
    }

    public ExpertStatus to() {
        return to;
    }

    public Actor actor() {
        return actor;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    public Guard guard() {
        return guard;
    }

    /** The audit action and the API path segment, e.g. {@code start-review}. */
    public String action() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ExpertTransition ofAction(String action) {
        for (ExpertTransition t : values()) {
            if (t.action().equals(action)) {
                return t;
            }
        }
        throw new org.stdhub.platform.NotFoundException("talent.error.no-such-transition");
    }

    public String messageKey() {
        return "talent.transition." + name();
    }
}
