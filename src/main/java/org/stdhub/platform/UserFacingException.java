package org.stdhub.platform;

import java.util.Map;

/**
 * An error caused by what a person asked for, with a message key (in {@code messages_*.properties}) so
 * that the page and the API can say what went wrong in the person's language.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        this(messageKey, messageKey, args);
    }

    /** With a log message of its own (e.g. the English text) besides the message key. */
    protected UserFacingException(String logMessage, String messageKey, Object... args) {
        super(logMessage);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** Extra members of the problem detail (e.g. which parameter was wrong). */
    public Map<String, Object> problemProperties() {
        return Map.of();
    }
}
