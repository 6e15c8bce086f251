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
    /** IEC sheet after the part: "1" of "IEC 60695-2-1/1:1994". */
    String sheet;
    /** Month of a dated IEC publication: "10" of ":2019-10". */
    String month;
    /** IEC project code written stage first: "PWI 100-44 ED1", "PNW TS 65-915 ED1". */
    boolean project;
    /** The second body's identifier of a dual publication: "IDF 26:2004" of "ISO 5537|IDF 26:2004". */
    ParsedDesignation dual;

    /** The sector or region in brackets of a metrology regulation: "纺织" of "JJF(纺织) 16-1985"; null when none. */
    String sector;

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

    /** Draft iteration: "2" of "ISO/CD2 17301-1" or "ISO/DIS 12345.2"; null when none. */
    public String iteration() {
        return iteration;
    }

    /** IEC sheet number: "1" of "IEC 60695-2-1/1:1994"; null when none. */
    public String sheet() {
        return sheet;
    }

    /** Month of publication: "10" of "IEC 60794-1-23:2019-10"; null when none. */
    public String month() {
        return month;
    }

    /** The second body's identifier of a dual publication ("IDF 26:2004"), or null. */
    public ParsedDesignation dual() {
        return dual;
    }

    /** The part with its sheet, as written: "2-1/1". */
    String fullPart() {
        return sheet == null ? part : part + "/" + sheet;
    }

    /** The sector or region of a departmental or local metrology regulation ("纺织", "京"), or null. */
    public String sector() {
        return sector;
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
