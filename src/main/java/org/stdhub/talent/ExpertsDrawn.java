package org.stdhub.talent;

import java.util.List;

/**
 * Experts were drawn for a purpose (published in the draw's transaction, for the modules that run the review): the
 * people of the panel's members in order, then the reserves. The result is sealed: listeners must not publish it.
 */
public record ExpertsDrawn(
        long drawId, DrawPurpose purpose, String subject, List<Long> memberPeople, List<Long> reservePeople) {}
