package org.stdhub.platform;

/**
 * A rule of who may do what refused the request, with a message saying which rule (HTTP 403). For the plain
 * role checks of {@code @PreAuthorize} Spring Security's own {@code AccessDeniedException} is used.
 */
public class NotPermittedException extends UserFacingException {

    public NotPermittedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
