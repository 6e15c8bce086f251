package org.stdhub.talent;

import static org.stdhub.talent.ExpertStatus.*;

import java.util.Set;

/**
 * The expert database's state machine as a table: each transition names the states it leaves, the state it enters,
 * who may take it and whether a reason is required. {@link org.stdhub.talent.Experts} checks the table (and the
 * guards it names) before every change and publishes one {@link ExpertStatusChanged} per transition taken.
 */
public enum ExpertTransition {
    /** The base office takes an application up for review. */
    START_REVIEW(Set.of(APPLICANT), IN_REVIEW, Actor.OFFICE, false),
    /** The base office approves the qualification (guard: {@link Qualification}). */
    APPROVE(Set.of(IN_REVIEW), ACTIVE, Actor.OFFICE, false),
    REJECT(Set.of(IN_REVIEW), REJECTED, Actor.OFFICE, true),
    /** The expert changed a qualification field: the profile goes back to review. */
    REQUALIFY(Set.of(ACTIVE, REJECTED), APPLICANT, Actor.SELF, false),
    SUSPEND(Set.of(ACTIVE), SUSPENDED, Actor.OFFICE, true),
    REACTIVATE(Set.of(SUSPENDED), ACTIVE, Actor.OFFICE, false),
    /** The expert leaves the database (on their own wish, or by the base office). */
    RETIRE(Set.of(APPLICANT, IN_REVIEW, ACTIVE, SUSPENDED, REJECTED), RETIRED, Actor.OFFICE_OR_SELF, false);

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

    ExpertTransition(Set<ExpertStatus> from, ExpertStatus to, Actor actor, boolean reasonRequired) {
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.reasonRequired = reasonRequired;
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
