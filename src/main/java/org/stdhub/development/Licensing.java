package org.stdhub.development;

/** The licensing terms a patent holder declares: free of charge, fair reasonable and non-discriminatory, or none. */
public enum Licensing {
    FREE,
    FRAND,
    UNWILLING
}
