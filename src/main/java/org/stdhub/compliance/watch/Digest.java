package org.stdhub.compliance.watch;

/** How a list's alerts are e-mailed: at once, in one daily digest, or not at all (in-app and feed only). */
public enum Digest {
    IMMEDIATE,
    DAILY,
    NONE;

    public String messageKey() {
        return "watch.digest." + name();
    }
}
