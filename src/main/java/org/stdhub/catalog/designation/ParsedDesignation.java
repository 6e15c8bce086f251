package org.stdhub.catalog.designation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stdhub.catalog.Designation.Amendment;
import org.stdhub.catalog.DesignationFlag;
import org.stdhub.catalog.StandardKind;

/**
 * What a grammar found in a designation, before rendering: filled in by {@link ChineseGrammar} or
 * {@link InternationalGrammar}, rendered by {@link CanonicalForm} and {@link CompactKey}, and held by
 * {@link org.stdhub.catalog.Designation}.
 */
public final class ParsedDesignation {

    StandardKind kind;
    /** Chinese: the prefix family without mandate; ISO/IEC: the publishers ("ISO" for IWA). */
    String body;
    /** Chinese: the full prefix; ISO/IEC: the publishers joined by "/". */
    String prefix;

    List<String> publishers;
    String type;
    String stage;
    String number;
    String part;
    boolean slashPart;
    String iteration;
    String title;
    String year;
    List<Amendment> amendments;
    String suffix;
    List<String> languages;
    Integer edition;
    boolean allParts;
    Set<DesignationFlag> flags;
    ParsedDesignation adopted;

    ParsedDesignation() {}

    void flag(DesignationFlag f) {
        if (flags == null) {
            flags = new LinkedHashSet<>(2);
        }
        flags.add(f);
    }

    void amendment(Amendment a) {
        if (amendments == null) {
            amendments = new ArrayList<>(2);
        }
        amendments.add(a);
    }

    public StandardKind kind() {
        return kind;
    }

    public String body() {
        return body;
    }

    public String prefix() {
        return prefix;
    }

    /** ISO/IEC deliverable type; null for Chinese. */
    public String type() {
        return type;
    }

    /** ISO/IEC draft stage; null for Chinese. */
    public String stage() {
        return stage;
    }

    public String number() {
        return number;
    }

    public String part() {
        return part;
    }

    public String year() {
        return year;
    }

    /** The amendments in the order written; empty when none. */
    public List<Amendment> amendments() {
        return amendments == null ? List.of() : Collections.unmodifiableList(amendments);
    }

    public String suffix() {
        return suffix;
    }

    /** Language codes in the order written; empty when none. */
    public List<String> languages() {
        return languages == null ? List.of() : Collections.unmodifiableList(languages);
    }

    public Integer edition() {
        return edition;
    }

    /** The flags in the order raised; empty when none. */
    public Set<DesignationFlag> flags() {
        return flags == null ? Set.of() : Collections.unmodifiableSet(flags);
    }

    /** The adopted ISO/IEC designation after a Chinese one, or null. */
    public ParsedDesignation adopted() {
        return adopted;
    }
}
