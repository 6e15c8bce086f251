package org.stdhub.identity;

/** A role was granted to or ended for a person in an organization. */
public record MembershipChanged(long personId, long organizationId, Role role, boolean active) {}
