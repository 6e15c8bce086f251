package org.stdhub.identity;

/** What an enterprise user fills in to register themselves and their enterprise. */
public record Registration(
        String login,
        String email,
        String mobile,
        String displayNameZh,
        String displayNameEn,
        String password,
        String organizationNameZh,
        String creditCode) {}
