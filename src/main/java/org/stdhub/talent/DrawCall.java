package org.stdhub.talent;

/**
 * A draw the signed-in expert was drawn in, while its result is sealed: what it is for and whether they sit on the
 * panel ({@code member}) or wait as a reserve. They may declare a conflict of interest in it.
 */
public record DrawCall(long drawId, DrawPurpose purpose, String subject, boolean member) {}
