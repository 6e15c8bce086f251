package org.stdhub.development;

/** Degree of correspondence of an adoption (03_adoption.md): identical, modified, not equivalent. */
public enum AdoptionDegree {
    IDT,
    MOD,
    NEQ
}
