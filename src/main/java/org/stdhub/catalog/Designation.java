package org.stdhub.catalog;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stdhub.catalog.designation.CanonicalForm;
import org.stdhub.catalog.designation.CompactKey;
import org.stdhub.catalog.designation.DesignationParser;
import org.stdhub.catalog.designation.ParsedDesignation;

/**
 * The identifier of a standard ("GB/T 19001-2016", "ISO 9001:2015/Amd 1:2024"), read from what people
 * type and held in one canonical form. Everything that compares standards compares designations.
 *
 * <p>Grammar and normalisation rules: {@code docs/domain/01_identifiers.md}. Chinese designations are
 * canonical as {@code PREFIX NUMBER[.PART][-YEAR][/XGn[-YEAR]]} with an ASCII hyphen; ISO/IEC ones follow
 * pubid-iso/pubid-iec ({@code ISO/IEC TR 29110-5-1-1:2012}, {@code IEC 62439-1:2010+AMD1:2012 CSV}).
 * Instances are immutable; equality is on {@link #normalized()}.
 */
public final class Designation {

    public static final int MAX_LENGTH = 200;

    /** An amendment, corrigendum, supplement … or Chinese 修改单 (XG) attached to a designation. */
    public record Amendment(Kind kind, String number, String year, String stage) {

        public enum Kind {
            AMD,
            COR,
            ADD,
            SUPPL,
            EXT,
            ISH,
            FRAG,
            /** Chinese 修改单, "GB 4806.1-2016/XG1-2020". */
            XG
        }

        public Amendment(Kind kind, String number, String year) {
            this(kind, number, year, null);
        }

        public Amendment {
            Objects.requireNonNull(kind, "kind");
        }
    }

    private final String normalized;
    private final String formal;
    private final StandardKind kind;
    private final String body;
    private final String prefix;
    private final String number;
    private final String part;
    private final String year;
    private final List<Amendment> amendments;
    private final String type;
    private final String stage;
    private final List<String> languages;
    private final Integer edition;
    private final String suffix;
    private final String iteration;
    private final String sheet;
    private final String month;
    private final String dualIdentifier;
    private final Set<DesignationFlag> flags;
    private final Designation adopted;
    private final String withoutYear;
    private final String compactKey;
    private final String compactWorkKey;

    // ---------------------------------------------------------------- public API

    /**
     * Reads a designation.
     *
     * @throws DesignationParseException with a message key, arguments and position when it cannot
     */
    public static Designation parse(String text) {
        return new Designation(DesignationParser.parse(text));
    }

    /** Reads a designation, or empty when the text is not one (no exception is built for the caller). */
    public static Optional<Designation> tryParse(String text) {
        return DesignationParser.tryParse(text).map(Designation::new);
    }

    /** The canonical form: "GB/T 19001-2016", "ISO 10231:2003/Amd 1:2015", "IEC 62439-1:2010+AMD1:2012 CSV". */
    public String normalized() {
        return normalized;
    }

    /** The form for typeset output: Chinese year separators as EM DASH ("GB/T 19001—2016"); ISO/IEC as normalized. */
    public String formal() {
        return formal;
    }

    /**
     * The publisher: for Chinese the prefix family without mandate ("GB" for GB, GB/T and GB/Z; "YY";
     * "DB41"; "T/CAS"; "Q/ABC"; "GBZ"); for ISO/IEC the publishers as written ("ISO", "ISO/IEC/IEEE", "CISPR";
     * "ISO" for IWA).
     */
    public String body() {
        return body;
    }

    /** The full prefix: "GB/T", "YY/T", "DB41/T", "T/CAS", "Q/ABC"; for ISO/IEC the publishers ("ISO/IEC"), like {@link #body()}. */
    public String prefix() {
        return prefix;
    }

    public StandardKind kind() {
        return kind;
    }

    /** The first number of the document: "19001", "5606", "0708" (zero-padding kept), "105", "60061A". */
    public String number() {
        return number;
    }

    /** The rest of the number after the first separator ("1" of GB/T 5606.1, "5-1-1", "J02"), or null. */
    public String part() {
        return part;
    }

    /** Four-digit year, or null when undated. */
    public String year() {
        return year;
    }

    public List<Amendment> amendments() {
        return amendments;
    }

    /** ISO/IEC deliverable type ("IS", "TR", "TS", "PAS", "Guide", "ISP", "IWA", "White Paper" …); null for Chinese. */
    public String type() {
        return type;
    }

    /** Draft stage ("NP", "CD", "DIS", "FDIS", "PRF" …) or null. */
    public String stage() {
        return stage;
    }

    /** Language codes from "(en,fr)" or "(E/F/R)", lower case; empty when none. */
    public List<String> languages() {
        return languages;
    }

    /** Edition from "ED5" / "Ed.2"; not part of {@link #normalized()} (as in pubid-iso). */
    public Integer edition() {
        return edition;
    }

    /** Draft iteration: "2" of "ISO/CD2 17301-1" (rendered "ISO/CD 17301-1.2") or "ISO/DIS 12345.3"; or null. */
    public String iteration() {
        return iteration;
    }

    /** IEC sheet of a part: "1" of "IEC 60695-2-1/1:1994" (the part is "2-1"); or null. */
    public String sheet() {
        return sheet;
    }

    /** Month of an IEC publication date: "10" of "IEC 60794-1-23:2019-10"; not part of {@link #normalized()}; or null. */
    public String month() {
        return month;
    }

    /**
     * The second publisher's identifier of a dual publication: "IDF 26:2004" of "ISO 5537:2004|IDF 26:2004"
     * (part of {@link #normalized()}); or null.
     */
    public String dualIdentifier() {
        return dualIdentifier;
    }

    /** IEC consolidated version ("… CSV"). */
    public boolean consolidated() {
        return "CSV".equals(suffix);
    }

    /** IEC publication variant written after the designation: CSV, RLV, EXV, CMV, SER, DB, EXV-CMV, EXV-RLV; or null. */
    public String suffix() {
        return suffix;
    }

    /** Soft warnings; the designation is usable but a person may want to look. */
    public Set<DesignationFlag> flags() {
        return flags;
    }

    /** For "GB/T 19001-2016/ISO 9001:2015": the adopted international designation (not part of {@link #normalized()}). */
    public Optional<Designation> adoptedDesignation() {
        return Optional.ofNullable(adopted);
    }

    /** The work without year, amendments, stage, edition and variant: "GB/T 19001", "ISO 9001", "ISO/TR 30406". */
    public String withoutYear() {
        return withoutYear;
    }

    /**
     * Upper-case letters and digits of the normalized form ("GBT190012016"), with one exception: where
     * two digit groups meet across a part boundary a "-" is kept ("ISO 1043-4:1998" → "ISO1043-41998",
     * "GB/T 5606.1-2004" → "GBT5606-12004"), and "." before a draft iteration, so that different standards
     * ("ISO 10434:1998") never share a key.
     */
    public String compactKey() {
        return compactKey;
    }

    /** {@link #compactKey()} of {@link #withoutYear()}: "GBT19001". */
    public String compactWorkKey() {
        return compactWorkKey;
    }

    /** Same standard, possibly another edition/year, amendment or stage. */
    public boolean sameWork(Designation other) {
        return other != null && withoutYear.equals(other.withoutYear);
    }

    /** Message key for a flag, e.g. "designation.flag.unknown-sector-code". */
    public static String flagMessageKey(DesignationFlag flag) {
        return flag.messageKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Designation d && normalized.equals(d.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public String toString() {
        return normalized;
    }

    // ---------------------------------------------------------------- construction

    private static String dualIdentifier(ParsedDesignation p) {
        ParsedDesignation d = p.dual();
        if (d == null) {
            return null;
        }
        return d.prefix() + " " + d.number() + (d.part() == null ? "" : "-" + d.part())
                + (p.year() == null ? "" : ":" + p.year());
    }

    private Designation(ParsedDesignation p) {
        this.kind = p.kind();
        this.body = p.body();
        this.prefix = p.prefix();
        this.number = p.number();
        this.part = p.part();
        this.year = p.year();
        this.amendments = List.copyOf(p.amendments());
        this.type = p.type();
        this.stage = p.stage();
        this.languages = List.copyOf(p.languages());
        this.edition = p.edition();
        this.suffix = p.suffix();
        this.iteration = p.iteration();
        this.sheet = p.sheet();
        this.month = p.month();
        this.dualIdentifier = dualIdentifier(p);
        this.flags = p.flags().isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(p.flags()));
        this.adopted = p.adopted() == null ? null : new Designation(p.adopted());
        CanonicalForm form = CanonicalForm.of(p);
        this.normalized = form.normalized();
        this.formal = form.formal();
        this.withoutYear = form.withoutYear();
        this.compactKey = CompactKey.of(p);
        this.compactWorkKey = CompactKey.ofWork(p);
    }
}
