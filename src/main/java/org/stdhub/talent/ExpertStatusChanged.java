package org.stdhub.talent;

/** An expert's status changed by one transition of {@link ExpertTransition}'s table. */
public record ExpertStatusChanged(
        long expertId, long personId, ExpertTransition transition, ExpertStatus from, ExpertStatus to) {}
