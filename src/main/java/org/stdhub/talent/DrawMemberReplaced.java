package org.stdhub.talent;

/**
 * A drawn member left a panel (declined, disqualified or declared a conflict) and the next reserve took the seat; the
 * replaced member's conclusions are void (招标投标法实施条例 第四十八条). {@code byPerson} is null when a waiting
 * reserve dropped out.
 */
public record DrawMemberReplaced(long drawId, long replacedPerson, Long byPerson, String outcome) {}
