package org.stdhub.identity;

/** An account created by an administrator (or the command line); password null → a one-time one is generated. */
public record NewPerson(
        String login, String email, String mobile, String displayNameZh, String displayNameEn, String password) {}
