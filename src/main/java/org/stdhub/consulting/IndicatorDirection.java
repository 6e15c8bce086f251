package org.stdhub.consulting;

/** Which way an indicator is better: a higher value (efficiency, life) or a lower one (consumption, noise). */
public enum IndicatorDirection {
    HIGHER,
    LOWER;

    public String messageKey() {
        return "consulting.direction." + name();
    }
}
