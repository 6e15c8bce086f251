package org.stdhub.platform;

/** The thing asked for does not exist (HTTP 404). */
public class NotFoundException extends UserFacingException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
