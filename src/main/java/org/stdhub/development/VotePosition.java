package org.stdhub.development;

/** A voter's position on a ballot. A disapproval needs a reason. */
public enum VotePosition {
    APPROVE,
    DISAPPROVE,
    ABSTAIN;

    public String messageKey() {
        return "development.vote." + name();
    }
}
