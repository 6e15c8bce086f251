package org.stdhub.platform;

/** The request is understood and allowed, but the object's state forbids it now (HTTP 409). */
public class ConflictException extends UserFacingException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
