package org.stdhub.programme;

/** The centers of the base that units build under contract: the platform and the four centers, plus research. */
public enum Center {
    PLATFORM,
    INNOVATION,
    VERIFICATION,
    TALENT,
    RESEARCH;

    public String messageKey() {
        return "programme.center." + name();
    }
}
