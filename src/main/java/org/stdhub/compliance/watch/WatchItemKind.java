package org.stdhub.compliance.watch;

/** What a watch item follows. */
public enum WatchItemKind {
    /** A standard by designation: every edition of its work and everything in its replacement chain. */
    STANDARD,
    /** An ICS class and its sub-classes: new standards in it. */
    ICS,
    /** A CCS class (letter or letter + two digits): new standards in it. */
    CCS,
    /** A technical committee (and its sub-committees): new standards it is responsible for. */
    COMMITTEE;

    public String messageKey() {
        return "watch.item.kind." + name();
    }
}
