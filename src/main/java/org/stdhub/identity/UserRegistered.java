package org.stdhub.identity;

/** A person registered themselves (their e-mail address is not verified yet). */
public record UserRegistered(long personId, String login, long organizationId) {}
