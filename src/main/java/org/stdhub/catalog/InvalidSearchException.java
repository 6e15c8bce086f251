package org.stdhub.catalog;

import org.stdhub.platform.UserFacingException;

/** A search parameter a person got wrong; names the parameter and why. */
public class InvalidSearchException extends UserFacingException {

    private final String parameter;

    public InvalidSearchException(String parameter, String messageKey, Object... args) {
        super(messageKey, args);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of("parameter", parameter);
    }
}
