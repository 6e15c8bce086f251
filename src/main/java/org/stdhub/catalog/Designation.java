package org.stdhub.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    /** Sector (industry) standard without /T or /Z: mandatory before the 2017 law, still in catalogues. */
    public static final String FLAG_LEGACY_MANDATORY_SECTOR = "LEGACY_MANDATORY_SECTOR";
    /** "GB 50040-96": a two-digit year was expanded (50..99 → 19yy, 00..49 → 20yy). */
    public static final String FLAG_TWO_DIGIT_YEAR_EXPANDED = "TWO_DIGIT_YEAR_EXPANDED";
    /** An all-caps Chinese prefix that is not in the sector table; read as an industry standard. */
    public static final String FLAG_UNKNOWN_SECTOR_CODE = "UNKNOWN_SECTOR_CODE";
    /** DB + digits whose first two digits are not a province code of GB/T 2260. */
    public static final String FLAG_UNKNOWN_REGION_CODE = "UNKNOWN_REGION_CODE";
    /** "DB411234-2020": region and number were written together; the first two digits were taken as region. */
    public static final String FLAG_AMBIGUOUS_REGION_SPLIT = "AMBIGUOUS_REGION_SPLIT";
    /** "T/XZYC 00012024": an 8-digit group-standard number was read as sequence 0001 and year 2024. */
    public static final String FLAG_YEAR_SPLIT_FROM_NUMBER = "YEAR_SPLIT_FROM_NUMBER";
    /** "ISO 9001-2015" / "ISO/TR 30406-2017": a last hyphen group 1900..2099 with no colon year was read as the year. */
    public static final String FLAG_YEAR_FROM_HYPHEN = "YEAR_FROM_HYPHEN";

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
    private final Set<String> flags;
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
        try {
            return Parser.of(text).parse();
        } catch (Failure f) {
            Designation respaced = respacedOrNull(text);
            if (respaced != null) {
                return respaced;
            }
            throw new DesignationParseException(f.key, f.position, f.args);
        }
    }

    /** Glued forms people type without spaces: "IECTR61850" (type glued to publisher), "2007CSV" (variant glued to year). */
    private static final java.util.regex.Pattern GLUED_TYPE = java.util.regex.Pattern.compile(
            "(?i)^((?:ISO|IEC)(?:/(?:IEC|IEEE|ASTM|SAE))*)(TR|TS|PAS|GUIDE|ISP|TTA)\\s*(?=\\d)");

    private static final java.util.regex.Pattern GLUED_VARIANT =
            java.util.regex.Pattern.compile("(?i)(\\d)(CSV|RLV|CMV|EXV)\\s*$");

    /** A second reading with the glued parts spaced apart, or null when that does not help either. */
    private static Designation respacedOrNull(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return null;
        }
        String respaced = GLUED_VARIANT
                .matcher(GLUED_TYPE.matcher(text.strip()).replaceFirst("$1 $2 "))
                .replaceFirst("$1 $2");
        if (respaced.equals(text.strip())) {
            return null;
        }
        try {
            return Parser.of(respaced).parse();
        } catch (Failure again) {
            return null;
        }
    }

    /** Reads a designation, or empty when the text is not one (no exception is built for the caller). */
    public static Optional<Designation> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Parser.of(text).parse());
        } catch (Failure f) {
            return Optional.ofNullable(respacedOrNull(text));
        }
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

    /** IEC consolidated version ("… CSV"). */
    public boolean consolidated() {
        return "CSV".equals(suffix);
    }

    /** IEC publication variant written after the designation: CSV, RLV, EXV, CMV, SER, DB, EXV-CMV, EXV-RLV; or null. */
    public String suffix() {
        return suffix;
    }

    /** Soft warnings (FLAG_* constants); the designation is usable but a person may want to look. */
    public Set<String> flags() {
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
    public static String flagMessageKey(String flag) {
        return "designation.flag." + flag.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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

    private Designation(Parts p) {
        this.kind = p.kind;
        this.number = p.number;
        this.part = p.part;
        this.year = p.year;
        this.amendments = p.amendments == null ? List.of() : List.copyOf(p.amendments);
        this.languages = p.languages == null ? List.of() : List.copyOf(p.languages);
        this.edition = p.edition;
        this.suffix = p.suffix;
        this.flags = p.flags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(p.flags));
        this.adopted = p.adopted;
        KeyBuilder key = new KeyBuilder();
        KeyBuilder work = new KeyBuilder();
        if (p.kind != StandardKind.INTERNATIONAL) {
            this.body = p.body;
            this.prefix = p.prefix;
            this.type = null;
            this.stage = null;
            StringBuilder sb =
                    new StringBuilder(32).append(p.prefix).append(' ').append(p.number);
            key.text(p.prefix);
            key.groups(p.number);
            if (p.part != null) {
                sb.append('.').append(p.part);
                key.groups(p.part);
            }
            this.withoutYear = sb.toString();
            this.compactWorkKey =
                    work.text(p.prefix).groups(p.number).groups(p.part).toString();
            StringBuilder f = new StringBuilder(sb);
            if (p.year != null) {
                sb.append('-').append(p.year);
                f.append('\u2014').append(p.year);
                key.year(p.year);
            }
            for (Amendment a : amendments) {
                sb.append("/XG").append(a.number());
                f.append("/XG").append(a.number());
                key.text("XG").text(a.number());
                if (a.year() != null) {
                    sb.append('-').append(a.year());
                    f.append('\u2014').append(a.year());
                    key.year(a.year());
                }
            }
            this.normalized = sb.toString();
            this.formal = f.toString();
            this.compactKey = key.toString();
            return;
        }
        String pubs = String.join("/", p.publishers);
        this.body = pubs.equals("IWA") ? "ISO" : pubs; // International Workshop Agreements are ISO deliverables
        this.prefix = pubs;
        this.type = p.type;
        this.stage = p.stage;
        boolean iecStyle = IEC_FAMILY.contains(p.publishers.get(0));
        String head = head(p, pubs, p.stage, iecStyle);
        String workHead = head(p, pubs, null, iecStyle);
        StringBuilder sb = new StringBuilder(48).append(head);
        StringBuilder w = new StringBuilder(32).append(workHead);
        key.text(head);
        work.text(workHead);
        if (p.title != null) {
            sb.append(' ').append(p.title);
            w.append(' ').append(p.title);
            key.text(p.title);
            work.text(p.title);
        } else {
            sb.append(' ').append(p.number);
            w.append(' ').append(p.number);
            key.groups(p.number);
            work.groups(p.number);
            if (p.part != null) {
                char sep = p.slashPart ? '/' : '-';
                sb.append(sep).append(p.part);
                w.append(sep).append(p.part);
                key.groups(p.part);
                work.groups(p.part);
            }
            if (p.iteration != null) {
                sb.append('.').append(p.iteration);
                key.iteration(p.iteration);
            }
        }
        this.withoutYear = w.toString();
        this.compactWorkKey = work.toString();
        if (p.year != null) {
            sb.append(':').append(p.year);
            key.year(p.year);
        }
        char joiner = consolidated() ? '+' : '/';
        for (Amendment a : amendments) {
            sb.append(joiner);
            renderSupplement(sb, a, iecStyle);
            if (a.stage() != null) {
                key.text(a.stage());
            }
            key.text(a.kind().name());
            if (a.number() != null) {
                key.groupsDotted(a.number());
            }
            if (a.year() != null) {
                key.year(a.year());
            }
        }
        if (p.suffix != null) {
            sb.append(' ').append(p.suffix);
            key.text(p.suffix);
        }
        if (!languages.isEmpty()) {
            sb.append('(').append(String.join(",", languages)).append(')');
            for (String l : languages) {
                key.text(l);
            }
        }
        if (p.allParts) {
            sb.append(" (all parts)");
            key.text("ALLPARTS");
        }
        this.normalized = sb.toString();
        this.formal = normalized;
        this.compactKey = key.toString();
    }

    private static String head(Parts p, String pubs, String stage, boolean iecStyle) {
        String type = p.type;
        boolean plain = type == null || "IS".equals(type) || "IWA".equals(type);
        String ts;
        if (plain) {
            ts = stage;
        } else if (stage == null) {
            ts = type;
        } else if (("TR".equals(type) || "TS".equals(type) || "PAS".equals(type) || "Guide".equals(type))
                && ("DIS".equals(stage) || "FDIS".equals(stage))) {
            ts = ("DIS".equals(stage) ? "D" : "FD") + type;
        } else {
            ts = stage + " " + type;
        }
        if (ts == null) {
            return pubs;
        }
        boolean spaced =
                iecStyle || p.publishers.size() > 1 || (type != null && (type.contains("Guide") || type.contains(" ")));
        return pubs + (spaced ? " " : "/") + ts;
    }

    private static void renderSupplement(StringBuilder sb, Amendment a, boolean iecStyle) {
        Amendment.Kind k = a.kind();
        String st = a.stage();
        boolean isoWord = !iecStyle
                && (k == Amendment.Kind.AMD
                        || k == Amendment.Kind.COR
                        || k == Amendment.Kind.ADD
                        || k == Amendment.Kind.SUPPL
                        || k == Amendment.Kind.EXT);
        if (isoWord
                && ("DIS".equals(st) || "FDIS".equals(st))
                && k != Amendment.Kind.SUPPL
                && k != Amendment.Kind.EXT) {
            sb.append("DIS".equals(st) ? "D" : "FD")
                    .append(k == Amendment.Kind.AMD ? "AM" : k == Amendment.Kind.COR ? "COR" : "AD");
            if (a.number() != null) {
                sb.append(' ').append(a.number());
            }
        } else {
            if (st != null) {
                sb.append(st).append(' ');
            }
            if (isoWord) {
                sb.append(ISO_SUPPLEMENT_WORD.get(k));
                if (a.number() != null) {
                    sb.append(' ').append(a.number());
                }
            } else {
                sb.append(k.name());
                if (a.number() != null) {
                    sb.append(a.number());
                }
            }
        }
        if (a.year() != null) {
            sb.append(':').append(a.year());
        }
    }

    /** Builds compact keys: upper-case letters and digits; "-" only where two digit groups of a number meet. */
    private static final class KeyBuilder {
        private final StringBuilder sb = new StringBuilder(32);

        KeyBuilder text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    sb.append((char) (c - 32));
                } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                    sb.append(c);
                }
            }
            return this;
        }

        /** Appends number groups separated by '-', '.', '/' in s, keeping a "-" between two digit groups. */
        KeyBuilder groups(String s) {
            if (s == null) {
                return this;
            }
            int start = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == '-' || s.charAt(i) == '.' || s.charAt(i) == '/') {
                    if (i > start) {
                        group(s.substring(start, i), '-');
                    }
                    start = i + 1;
                }
            }
            return this;
        }

        /** An amendment number such as "2.3" (number and iteration). */
        KeyBuilder groupsDotted(String s) {
            int dot = s.indexOf('.');
            if (dot < 0) {
                return group(s, '-');
            }
            group(s.substring(0, dot), '-');
            return group(s.substring(dot + 1), '.');
        }

        KeyBuilder iteration(String s) {
            return group(s, '.');
        }

        /** A year never gets a separator: it is always exactly four digits. */
        KeyBuilder year(String s) {
            sb.append(s);
            return this;
        }

        private KeyBuilder group(String g, char sep) {
            int len = sb.length();
            if (len > 0 && isDigit(sb.charAt(len - 1)) && !g.isEmpty() && isDigit(g.charAt(0))) {
                sb.append(sep);
            }
            return text(g);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    // ---------------------------------------------------------------- tables

    /** Industry (sector) codes: 01_identifiers.md §1.2 (64 + DY), the extras it lists, and engineering series. */
    private static final Set<String> SECTORS = Set.of(
            "AQ",
            "BB",
            "CB",
            "CH",
            "CJ",
            "CY",
            "DA",
            "DB",
            "DL",
            "DZ",
            "EJ",
            "FZ",
            "GA",
            "GH",
            "GM",
            "GY",
            "HB",
            "HG",
            "HJ",
            "HS",
            "HY",
            "JB",
            "JC",
            "JG",
            "JR",
            "JT",
            "JY",
            "LB",
            "LD",
            "LS",
            "LY",
            "MH",
            "MT",
            "MZ",
            "NY",
            "QB",
            "QC",
            "QJ",
            "QX",
            "SB",
            "SC",
            "SH",
            "SJ",
            "SL",
            "SN",
            "SY",
            "TB",
            "TD",
            "TJ",
            "TY",
            "WB",
            "WH",
            "WJ",
            "WM",
            "WS",
            "WW",
            "XB",
            "YB",
            "YC",
            "YD",
            "YS",
            "YY",
            "YZ",
            "ZY",
            "DY",
            // not in the gems, in use: energy, certification, fire rescue, emergency management, mine safety, justice,
            // tax
            "NB",
            "RB",
            "XF",
            "YJ",
            "KA",
            "SF",
            "SW",
            // engineering-construction industry series (JGJ and CJJ are in the shipped data)
            "JGJ",
            "CJJ",
            "JTG",
            "JTJ",
            "JTS");

    /** Special national series (NATIONAL_OTHER) → canonical spelling. */
    private static final Map<String, String> OTHER_NATIONAL = Map.of(
            "GBZ", "GBZ", "GJB", "GJB", "GSB", "GSB", "GBN", "GBn", "GBJ", "GBJ", "JJF", "JJF", "JJG", "JJG", "GHZB",
            "GHZB", "GWKB", "GWKB", "GWPB", "GWPB");

    /** Association standards written without "T/" (中国工程建设标准化协会 CECS 102:2002). */
    private static final Set<String> OLD_GROUP_CODES = Set.of("CECS");

    /** Foreign or international codes that must not be taken for an unknown Chinese sector code. */
    private static final Set<String> FOREIGN = Set.of(
            "EN", "DIN", "BS", "ASTM", "ANSI", "JIS", "NF", "UNE", "IEEE", "SAE", "ASME", "UL", "API", "ITU", "ETSI",
            "CEN", "KS", "AS", "CSA", "NFPA", "AWS", "ISA", "NEMA", "IPC", "VDE", "VDI", "OIML", "IDF", "CIE", "AAMI",
            "CLSI", "USP", "EP", "JP", "BP", "NACE", "IES", "ABNT", "SNI", "TIS", "IRAM", "SS", "CNS", "ECE", "UN",
            "EC", "EU", "RFC", "W3C", "IETF", "MIL", "DOD", "FED", "ICAO", "IMO", "IATA", "IS", "ISO", "IEC", "IWA",
            "JEDEC", "GOST");

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private static final Set<String> PUBLISHERS =
            Set.of("ISO", "IEC", "IWA", "CISPR", "IECQ", "IECEE", "IECEX", "IECRE");

    private static final Set<String> IEC_FAMILY = Set.of("IEC", "CISPR", "IECQ", "IECEE", "IECEx", "IECRE");

    private static final Map<String, String> CANONICAL_PUBLISHER = Map.of("IECEX", "IECEx");

    private static final Map<String, String> COPUBLISHERS = Map.ofEntries(
            Map.entry("IEC", "IEC"),
            Map.entry("ISO", "ISO"),
            Map.entry("IEEE", "IEEE"),
            Map.entry("ASTM", "ASTM"),
            Map.entry("SAE", "SAE"),
            Map.entry("ASME", "ASME"),
            Map.entry("CIE", "CIE"),
            Map.entry("HL7", "HL7"),
            Map.entry("OECD", "OECD"),
            Map.entry("UNDP", "UNDP"),
            Map.entry("IDF", "IDF"),
            Map.entry("OIML", "OIML"),
            Map.entry("CEI", "IEC"),
            Map.entry("ITU", "ITU"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("TR", "TR"),
            Map.entry("TS", "TS"),
            Map.entry("PAS", "PAS"),
            Map.entry("GUIDE", "Guide"),
            Map.entry("ISP", "ISP"),
            Map.entry("R", "R"),
            Map.entry("DATA", "DATA"),
            Map.entry("TTA", "TTA"),
            Map.entry("SRD", "SRD"),
            Map.entry("CA", "CA"),
            Map.entry("OD", "OD"),
            Map.entry("ACEE", "ACEE"),
            Map.entry("WT", "WT"));

    /** IEC publication types written in words, followed by a title instead of a number. */
    private static final String[][] TITLE_TYPES = {
        {"TECHNOLOGY AND MARKET OUTLOOK PAPER ", "Technology and Market Outlook Paper"},
        {"TECHNOLOGY REPORT ", "Technology Report"},
        {"TREND REPORT ", "Trend Report"},
        {"WHITE PAPER ", "White Paper"},
    };

    private static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry("PWI", "PWI"),
            Map.entry("NP", "NP"),
            Map.entry("NWIP", "NP"),
            Map.entry("AWI", "AWI"),
            Map.entry("WD", "WD"),
            Map.entry("CD", "CD"),
            Map.entry("PRECD", "PreCD"),
            Map.entry("CDV", "CDV"),
            Map.entry("DIS", "DIS"),
            Map.entry("FDIS", "FDIS"),
            Map.entry("PRF", "PRF"));

    /** Stage and type in one word → {stage, type}. */
    private static final Map<String, String[]> TYPED_STAGES = Map.of(
            "DTR",
            new String[] {"DIS", "TR"},
            "FDTR",
            new String[] {"FDIS", "TR"},
            "DTS",
            new String[] {"DIS", "TS"},
            "FDTS",
            new String[] {"FDIS", "TS"},
            "DPAS",
            new String[] {"DIS", "PAS"},
            "FDPAS",
            new String[] {"FDIS", "PAS"},
            "PDTR",
            new String[] {"CD", "TR"},
            "PDTS",
            new String[] {"CD", "TS"},
            "DGUIDE",
            new String[] {"DIS", "Guide"});

    private static final Set<String> SUFFIXES = Set.of("CSV", "RLV", "EXV", "CMV", "SER", "DB", "EXV-CMV", "EXV-RLV");

    private record SupplementWord(Amendment.Kind kind, String stage) {}

    private static final Map<String, SupplementWord> SUPPLEMENT_WORDS = new HashMap<>();

    static {
        Object[][] words = {
            {"AMD", Amendment.Kind.AMD, null},
            {"A", Amendment.Kind.AMD, null},
            {"COR", Amendment.Kind.COR, null},
            {"CORR", Amendment.Kind.COR, null},
            {"ADD", Amendment.Kind.ADD, null},
            {"SUPPL", Amendment.Kind.SUPPL, null},
            {"EXT", Amendment.Kind.EXT, null},
            {"ISH", Amendment.Kind.ISH, null},
            {"FRAG", Amendment.Kind.FRAG, null},
            {"DAM", Amendment.Kind.AMD, "DIS"},
            {"DAMD", Amendment.Kind.AMD, "DIS"},
            {"FDAM", Amendment.Kind.AMD, "FDIS"},
            {"FDAMD", Amendment.Kind.AMD, "FDIS"},
            {"PDAM", Amendment.Kind.AMD, "CD"},
            {"FPDAM", Amendment.Kind.AMD, "DIS"},
            {"DCOR", Amendment.Kind.COR, "DIS"},
            {"FDCOR", Amendment.Kind.COR, "FDIS"},
            {"FCOR", Amendment.Kind.COR, "FDIS"},
            {"PDCOR", Amendment.Kind.COR, "CD"},
            {"DAD", Amendment.Kind.ADD, "DIS"},
            {"FDAD", Amendment.Kind.ADD, "FDIS"},
            {"PDAD", Amendment.Kind.ADD, "CD"},
        };
        for (Object[] w : words) {
            SUPPLEMENT_WORDS.put((String) w[0], new SupplementWord((Amendment.Kind) w[1], (String) w[2]));
        }
    }

    private static final Map<Amendment.Kind, String> ISO_SUPPLEMENT_WORD = Map.of(
            Amendment.Kind.AMD,
            "Amd",
            Amendment.Kind.COR,
            "Cor",
            Amendment.Kind.ADD,
            "Add",
            Amendment.Kind.SUPPL,
            "Suppl",
            Amendment.Kind.EXT,
            "Ext");

    private static final Map<Character, String> ONE_LETTER_LANGUAGES =
            Map.of('E', "en", 'F', "fr", 'R', "ru", 'S', "es", 'A', "ar", 'D', "de", 'C', "zh");

    private static final Map<String, String> CYRILLIC = Map.of(
            "РУКОВОДСТВО",
            "GUIDE",
            "ИСО",
            "ISO",
            "МЭК",
            "IEC",
            "ОПМС",
            "FDIS",
            "ПМС",
            "DIS",
            "ТО",
            "TR",
            "ТС",
            "TS",
            "ИСП",
            "ISP");

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    // ---------------------------------------------------------------- parsing

    /** What the parser found; rendered by the constructor. */
    private static final class Parts {
        StandardKind kind;
        String body;
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
        Set<String> flags;
        Designation adopted;

        void flag(String f) {
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
    }

    /** Internal, stackless: a failed parse must stay cheap on the search path. */
    private static final class Failure extends RuntimeException {
        final String key;
        final int position;
        final transient Object[] args;

        Failure(String key, int position, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.position = position;
            this.args = args;
        }
    }

    private static final class Parser {
        private final String src;
        /** cleaned input, original case */
        private final char[] o;
        /** cleaned input, upper case */
        private final char[] u;
        /** index in cleaned input → index in src */
        private final int[] map;

        private final int n;
        private int pos;

        private Parser(String src, char[] o, char[] u, int[] map, int n) {
            this.src = src;
            this.o = o;
            this.u = u;
            this.map = map;
            this.n = n;
        }

        // ------------------------------------------------------------ cleaning

        static Parser of(String text) {
            if (text == null || text.isEmpty()) {
                throw new Failure(DesignationParseException.EMPTY, -1);
            }
            if (text.length() > MAX_LENGTH) {
                throw new Failure(DesignationParseException.TOO_LONG, -1, text.length(), MAX_LENGTH);
            }
            String src = needsNfkc(text) ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
            int len = src.length();
            char[] o = new char[len];
            int[] map = new int[len];
            int n = 0;
            int pendingSpace = -1;
            boolean cyrillic = false;
            for (int i = 0; i < len; i++) {
                char c = mapChar(src.charAt(i));
                if (c == 0) {
                    continue;
                }
                if (c == ' ') {
                    if (pendingSpace < 0) {
                        pendingSpace = i;
                    }
                    continue;
                }
                if (pendingSpace >= 0) {
                    if (n > 0 && !glue(o[n - 1]) && !glue(c)) {
                        o[n] = ' ';
                        map[n++] = pendingSpace;
                    }
                    pendingSpace = -1;
                }
                if (c >= 0x0400 && c <= 0x04FF) {
                    cyrillic = true;
                }
                o[n] = c;
                map[n++] = i;
            }
            if (n == 0) {
                throw new Failure(DesignationParseException.EMPTY, -1);
            }
            char[] u = new char[n];
            for (int i = 0; i < n; i++) {
                char c = o[i];
                u[i] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c < 0x80 ? c : Character.toUpperCase(c);
            }
            if (cyrillic) {
                return replaceCyrillic(src, o, u, map, n);
            }
            return new Parser(src, o, u, map, n);
        }

        private static boolean needsNfkc(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80 && mapChar(c) == c && !(c >= 0x0400 && c <= 0x04FF)) {
                    return true;
                }
            }
            return false;
        }

        /** Spaces next to these characters carry no meaning and are dropped. */
        private static boolean glue(char c) {
            return c == '/' || c == '-' || c == ':' || c == '+' || c == '.' || c == ',' || c == '(' || c == ')'
                    || c == '|';
        }

        /** Full-width to ASCII, every dash to '-', every space to ' '; 0 drops the character. */
        private static char mapChar(char c) {
            if (c < 0x80) {
                return c <= ' ' || c == 0x7F ? ' ' : c;
            }
            if (c >= 0xFF01 && c <= 0xFF5E) {
                return (char) (c - 0xFEE0);
            }
            switch (c) {
                case '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000' -> {
                    return ' ';
                }
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {
                    return 0;
                }
                case '\u2010',
                        '\u2011',
                        '\u2012',
                        '\u2013',
                        '\u2014',
                        '\u2015',
                        '\u2212',
                        '\u2043',
                        '\uFE58',
                        '\uFE63',
                        '\u2E3A',
                        '\u2E3B' -> {
                    return '-';
                }
                case '\u3002', '\uFF61' -> {
                    return '.';
                }
                case '\u3001' -> {
                    return ',';
                }
                case '\u2236' -> {
                    return ':';
                }
                default -> {
                    if (c >= '\u2000' && c <= '\u200A') {
                        return ' ';
                    }
                    return c;
                }
            }
        }

        private static Parser replaceCyrillic(String src, char[] o, char[] u, int[] map, int n) {
            char[] o2 = new char[n * 3];
            char[] u2 = new char[n * 3];
            int[] m2 = new int[n * 3];
            int k = 0;
            int i = 0;
            while (i < n) {
                if (isCyrillicLetter(u[i])) {
                    int j = i;
                    while (j < n && isCyrillicLetter(u[j])) {
                        j++;
                    }
                    String repl = CYRILLIC.get(new String(u, i, j - i));
                    if (repl != null) {
                        for (int r = 0; r < repl.length(); r++) {
                            o2[k] = repl.charAt(r);
                            u2[k] = repl.charAt(r);
                            m2[k++] = map[i];
                        }
                        i = j;
                        continue;
                    }
                    while (i < j) {
                        o2[k] = o[i];
                        u2[k] = u[i];
                        m2[k++] = map[i++];
                    }
                    continue;
                }
                o2[k] = o[i];
                u2[k] = u[i];
                m2[k++] = map[i++];
            }
            return new Parser(src, o2, u2, m2, k);
        }

        private static boolean isCyrillicLetter(char c) {
            return c >= 0x0400 && c <= 0x04FF;
        }

        // ------------------------------------------------------------ helpers

        private int lettersEnd(int p) {
            while (p < n && isLetter(u[p])) {
                p++;
            }
            return p;
        }

        private int digitsEnd(int p) {
            while (p < n && isDigit(u[p])) {
                p++;
            }
            return p;
        }

        private int alnumEnd(int p) {
            while (p < n && isAlnum(u[p])) {
                p++;
            }
            return p;
        }

        private String up(int from, int to) {
            return new String(u, from, to - from);
        }

        private boolean at(int p, char c) {
            return p < n && u[p] == c;
        }

        private boolean digitAt(int p) {
            return p < n && isDigit(u[p]);
        }

        private boolean letterAt(int p) {
            return p < n && isLetter(u[p]);
        }

        /** Four digits 1900..2099 at p, not followed by another alphanumeric. */
        private boolean yearAt(int p) {
            return yearDigits(p) && (p + 4 == n || !isAlnum(u[p + 4]));
        }

        /** Four digits 1900..2099 start at p. */
        private boolean yearDigits(int p) {
            return p + 4 <= n
                    && isDigit(u[p])
                    && isDigit(u[p + 1])
                    && isDigit(u[p + 2])
                    && isDigit(u[p + 3])
                    && ((u[p] == '1' && u[p + 1] == '9') || (u[p] == '2' && u[p + 1] == '0'));
        }

        private int position(int p) {
            if (p < n) {
                return map[p] + 1;
            }
            return map[n - 1] + 2;
        }

        private Failure unexpected(int p) {
            if (p >= n) {
                return new Failure(DesignationParseException.UNEXPECTED_END, position(p), position(p));
            }
            int i = map[p];
            String ch =
                    src.substring(i, Character.isHighSurrogate(src.charAt(i)) && i + 1 < src.length() ? i + 2 : i + 1);
            return new Failure(DesignationParseException.UNEXPECTED_CHAR, position(p), ch, position(p));
        }

        private Failure unknownPrefix(int from, int to) {
            return new Failure(
                    DesignationParseException.UNKNOWN_PREFIX, position(from), new String(o, from, to - from));
        }

        private Failure missingNumber(int p, String prefix) {
            if (p < n && !isDigit(u[p]) && !isLetter(u[p]) && u[p] != ' ') {
                return unexpected(p);
            }
            return new Failure(DesignationParseException.MISSING_NUMBER, position(p), prefix);
        }

        private Failure badYear(int from, int to) {
            return new Failure(
                    DesignationParseException.BAD_YEAR, position(from), new String(o, from, to - from), position(from));
        }

        private String checkedYear(int from) {
            if (!yearAt(from)) {
                int to = alnumEnd(from);
                throw badYear(from, Math.max(to, Math.min(n, from + 4)));
            }
            return up(from, from + 4);
        }

        // ------------------------------------------------------------ dispatch

        Designation parse() {
            pos = 0;
            Designation d = isInternationalStart(0) ? international(0) : chinese();
            return d;
        }

        private boolean isInternationalStart(int p) {
            int e = lettersEnd(p);
            if (e == p) {
                return false;
            }
            String w = up(p, e);
            if (PUBLISHERS.contains(w)) {
                return true;
            }
            if (w.equals("IEEE") && at(e, '/')) {
                return true;
            }
            if (w.startsWith("FPR") && PUBLISHERS.contains(w.substring(3))) {
                return true;
            }
            return (STAGES.containsKey(w) || w.equals("GUIDE")) && at(e, ' ') && isInternationalStart(e + 1);
        }

        // ------------------------------------------------------------ ISO / IEC

        private Designation international(int start) {
            pos = start;
            Parts p = new Parts();
            p.kind = StandardKind.INTERNATIONAL;
            p.publishers = new ArrayList<>(3);
            // stage or "Guide" written before the publisher: "FprISO 105-A03", "AWI IWA 36", "GUIDE ISO/CEI 71"
            while (true) {
                int e = lettersEnd(pos);
                String w = up(pos, e);
                if (w.startsWith("FPR") && PUBLISHERS.contains(w.substring(3))) {
                    p.stage = "PRF";
                    pos += 3;
                    break;
                }
                if (at(e, ' ') && (STAGES.containsKey(w) || w.equals("GUIDE")) && isInternationalStart(e + 1)) {
                    if (w.equals("GUIDE")) {
                        p.type = "Guide";
                    } else {
                        p.stage = STAGES.get(w);
                    }
                    pos = e + 1;
                    continue;
                }
                break;
            }
            int e = lettersEnd(pos);
            String w = up(pos, e);
            if (!PUBLISHERS.contains(w) && !w.equals("IEEE")) {
                throw unknownPrefix(pos, e);
            }
            p.publishers.add(CANONICAL_PUBLISHER.getOrDefault(w, w));
            pos = e;
            while (at(pos, '/') && letterAt(pos + 1)) {
                int s = pos + 1;
                int we = lettersEnd(s);
                String x = up(s, we);
                if (x.equals("HL") && at(we, '7')) {
                    x = "HL7";
                    we++;
                }
                if (COPUBLISHERS.containsKey(x)) {
                    String c = COPUBLISHERS.get(x);
                    if (p.publishers.contains(c)) {
                        throw unexpected(s);
                    }
                    p.publishers.add(c);
                } else if (!typeOrStage(p, x, s, false)) {
                    throw unknownPrefix(start, we);
                }
                pos = we;
            }
            if (p.publishers.get(0).equals("IEEE") && !(p.publishers.contains("ISO") || p.publishers.contains("IEC"))) {
                throw unknownPrefix(start, pos);
            }
            boolean iec = IEC_FAMILY.contains(p.publishers.get(0));
            if (p.publishers.get(0).equals("IWA")) {
                if (p.type != null || p.publishers.size() > 1) {
                    throw unknownPrefix(start, pos);
                }
                p.type = "IWA";
            }
            // type / stage words after a space: "ISO/IEC TR 24754-2", "ISO/IEC CD TR 20943-5", "IEC White Paper AI"
            boolean titled = false;
            while (at(pos, ' ') && letterAt(pos + 1)) {
                int s = pos + 1;
                if (iec) {
                    String tt = titleType(s);
                    if (tt != null) {
                        if (p.type != null) {
                            throw unexpected(s);
                        }
                        p.type = tt;
                        pos = s + tt.length();
                        titled = true;
                        break;
                    }
                }
                int we = lettersEnd(s);
                if (!typeOrStage(p, up(s, we), s, true)) {
                    break;
                }
                pos = we;
            }
            if (p.type == null) {
                p.type = "IS";
            }
            String head = new String(o, start, pos - start);
            if (titled) {
                title(p, head);
            } else {
                number(p, iec, head);
            }
            year(p, false);
            tail(p, iec);
            return new Designation(p);
        }

        /** Takes a type, stage or typed stage word; false when x is none of them. */
        private boolean typeOrStage(Parts p, String x, int s, boolean afterSpace) {
            String t = TYPES.get(x);
            if (t != null) {
                if (p.type != null) {
                    throw unexpected(s);
                }
                p.type = t;
                return true;
            }
            String st = STAGES.get(x);
            if (st != null) {
                if (p.stage != null || (afterSpace && p.type != null)) {
                    throw unexpected(s);
                }
                p.stage = st;
                return true;
            }
            String[] ts = TYPED_STAGES.get(x);
            if (ts != null) {
                if (p.stage != null || p.type != null) {
                    throw unexpected(s);
                }
                p.stage = ts[0];
                p.type = ts[1];
                return true;
            }
            return false;
        }

        private String titleType(int s) {
            for (String[] t : TITLE_TYPES) {
                String w = t[0];
                if (s + w.length() <= n && new String(u, s, w.length()).equals(w)) {
                    return t[1];
                }
            }
            return null;
        }

        /** IEC white papers and reports: "IEC White Paper IoT:WSN:2014" → title "IoT:WSN", year 2014. */
        private void title(Parts p, String head) {
            int s = pos + 1; // after the space that follows the type words
            int end = n;
            for (int i = n - 5; i >= s; i--) {
                if (u[i] == ':' && yearAt(i + 1) && (i + 5 == n || u[i + 5] == ' ' || u[i + 5] == '(')) {
                    end = i;
                    break;
                }
            }
            if (end <= s) {
                throw missingNumber(s, head);
            }
            p.title = new String(o, s, end - s);
            p.number = p.title;
            pos = end;
        }

        private void number(Parts p, boolean iec, String head) {
            if (at(pos, ' ')) {
                pos++;
            }
            int s = pos;
            int e = alnumEnd(s);
            if (e == s || (!iec && !isDigit(u[s]))) {
                throw missingNumber(s, head);
            }
            boolean hasDigit = false;
            for (int i = s; i < e; i++) {
                hasDigit |= isDigit(u[i]);
            }
            // a number of letters only ("IEC GIORGI:2001", "IEC CENT-CHAL:2006") needs a year or a lettered part
            if (!hasDigit && !((at(e, ':') && digitAt(e + 1)) || (at(e, '-') && letterAt(e + 1)))) {
                throw missingNumber(s, head);
            }
            p.number = up(s, e);
            pos = e;
            StringBuilder part = null;
            while (pos < n) {
                char c = u[pos];
                if (c == '-') {
                    int gs = pos + 1;
                    if (iec && at(gs, '/') && digitAt(gs + 1)) {
                        pos = gs; // "IEC 60285-/1": the "/" is the separator
                        continue;
                    }
                    int ge = alnumEnd(gs);
                    if (ge == gs) {
                        break;
                    }
                    if (ge - gs == 4 && yearAt(gs) && !numberGoesOn(ge)) {
                        break; // "ISO/TR 30406-2017": year, taken by year()
                    }
                    if (part == null) {
                        part = new StringBuilder(8);
                    } else {
                        part.append('-');
                    }
                    part.append(u, gs, ge - gs);
                    pos = ge;
                } else if (c == '/' && digitAt(pos + 1)) {
                    int ge = digitsEnd(pos + 1);
                    if (ge - pos - 1 == 4 && yearDigits(pos + 1) && !numberGoesOn(ge)) {
                        break; // "ISO 9001/2015": year, as for a hyphen
                    }
                    if (part == null) {
                        part = new StringBuilder(8);
                        p.slashPart = iec;
                    } else {
                        part.append(iec ? '/' : '-');
                    }
                    part.append(u, pos + 1, ge - pos - 1);
                    pos = ge;
                } else {
                    break;
                }
            }
            if (part != null) {
                p.part = part.toString();
            }
            if (at(pos, '.') && digitAt(pos + 1)) {
                int ie = digitsEnd(pos + 1);
                if (ie - pos - 1 > 3) {
                    throw unexpected(pos + 4);
                }
                p.iteration = up(pos + 1, ie);
                pos = ie;
            }
        }

        /** After a number group: a colon year, an iteration or a further group follows. */
        private boolean numberGoesOn(int p) {
            return (at(p, ':') && digitAt(p + 1))
                    || (at(p, '.') && digitAt(p + 1))
                    || (at(p, '-') && (digitAt(p + 1) || letterAt(p + 1) || at(p + 1, '/')))
                    || (at(p, '/') && digitAt(p + 1));
        }

        /** ":2015", ":2019-10", "-2017" (hyphen year), " 2015" (space year); a lone trailing ':' is dropped. */
        private void year(Parts p, boolean supplement) {
            if ((at(pos, '-') && yearAt(pos + 1))
                    || (!supplement && at(pos, '/') && yearDigits(pos + 1) && !digitAt(pos + 5))) {
                p.year = up(pos + 1, pos + 5);
                p.flag(FLAG_YEAR_FROM_HYPHEN);
                pos += 5;
            } else if (at(pos, ':')) {
                int s = pos + 1;
                int e = digitsEnd(s);
                if (e == s) {
                    if (s == n || u[s] == '/' || u[s] == '+' || u[s] == ' ' || u[s] == '(') {
                        pos = s;
                        return;
                    }
                    throw badYear(s, Math.max(alnumEnd(s), s + 1));
                }
                if (e - s != 4) {
                    throw badYear(s, e);
                }
                p.year = checkedYear(s);
                pos = e;
                // "IEC 60794-1-23:2019-10": month (and day) are dropped
                if (at(pos, '-') && digitAt(pos + 1) && digitAt(pos + 2) && !digitAt(pos + 3)) {
                    pos += 3;
                    if (at(pos, '-') && digitAt(pos + 1) && digitAt(pos + 2) && !digitAt(pos + 3)) {
                        pos += 3;
                    }
                }
            } else if (!supplement
                    && at(pos, ' ')
                    && yearAt(pos + 1)
                    && (pos + 5 == n || u[pos + 5] == '/' || u[pos + 5] == '(' || u[pos + 5] == '+')) {
                p.year = up(pos + 1, pos + 5);
                pos += 5;
            }
        }

        private void tail(Parts p, boolean iec) {
            while (pos < n) {
                char c = u[pos];
                if (c == ' ') {
                    pos++;
                } else if (c == '/' || c == '+') {
                    supplement(p, iec);
                } else if (c == '(') {
                    parenthesis(p);
                } else if (isLetter(c)) {
                    int e = lettersEnd(pos);
                    String w = up(pos, e);
                    if (w.equals("ED") && p.edition == null) {
                        pos = e;
                        if (at(pos, '.')) {
                            pos++;
                        }
                        if (at(pos, ' ') && digitAt(pos + 1)) {
                            pos++;
                        }
                        int de = digitsEnd(pos);
                        if (de - pos > 3) {
                            throw unexpected(pos + 3);
                        }
                        p.edition = de == pos ? 1 : Integer.parseInt(up(pos, de));
                        pos = de;
                        continue;
                    }
                    int se = e;
                    while (at(se, '-') && letterAt(se + 1)) {
                        se = lettersEnd(se + 1);
                    }
                    String sx = up(pos, se);
                    if (p.suffix == null && SUFFIXES.contains(sx)) {
                        p.suffix = sx;
                        pos = se;
                        continue;
                    }
                    throw unexpected(pos);
                } else {
                    throw unexpected(pos);
                }
            }
        }

        /** "/Amd 1:2015", "/AMD1:2013", "+AMD2:2016", "/CD Amd 4", "/FDAmd 1", "/Cor.1:2006", "/Amd7-2021", "/Suppl:1993". */
        private void supplement(Parts p, boolean iec) {
            int s = pos + 1;
            int e = lettersEnd(s);
            if (e == s) {
                throw unexpected(s);
            }
            String x = up(s, e);
            String stage = null;
            if (STAGES.containsKey(x) && at(e, ' ') && letterAt(e + 1)) {
                stage = STAGES.get(x);
                s = e + 1;
                e = lettersEnd(s);
                x = up(s, e);
            }
            SupplementWord sw = SUPPLEMENT_WORDS.get(x);
            if (sw == null || (x.equals("A") && !digitAt(e))) {
                throw unexpected(s);
            }
            if (sw.stage() != null) {
                if (stage != null) {
                    throw unexpected(s);
                }
                stage = sw.stage();
            }
            pos = e;
            if (at(pos, '.') && (digitAt(pos + 1) || at(pos + 1, ' '))) {
                pos++;
            }
            if (at(pos, ' ') && digitAt(pos + 1)) {
                pos++;
            }
            String number = null;
            int de = digitsEnd(pos);
            if (de > pos) {
                if (de - pos > 4) {
                    throw unexpected(pos + 4);
                }
                number = up(pos, de);
                pos = de;
                if (at(pos, '.') && digitAt(pos + 1)) {
                    int ie = digitsEnd(pos + 1);
                    if (ie - pos - 1 > 3) {
                        throw unexpected(pos + 4);
                    }
                    number = number + "." + up(pos + 1, ie);
                    pos = ie;
                }
            }
            Parts y = new Parts();
            year(y, true);
            if (iec && number == null && (sw.kind() == Amendment.Kind.AMD || sw.kind() == Amendment.Kind.COR)) {
                number = "1"; // IEC "+ COR:2014" is the first corrigendum
            }
            p.amendment(new Amendment(sw.kind(), number, y.year, stage));
        }

        /** "(en)", "(E/F/R)", "(en,fr,other)", "(all parts)". */
        private void parenthesis(Parts p) {
            int s = pos + 1;
            int close = s;
            while (close < n && u[close] != ')') {
                close++;
            }
            if (close >= n) {
                throw unexpected(n);
            }
            String content = up(s, close);
            if (content.equals("ALL PARTS")) {
                p.allParts = true;
                pos = close + 1;
                return;
            }
            int ts = s;
            for (int i = s; i <= close; i++) {
                if (i == close || u[i] == ',' || u[i] == '/') {
                    int len = i - ts;
                    String lang;
                    if (len == 1 && ONE_LETTER_LANGUAGES.containsKey(u[ts])) {
                        lang = ONE_LETTER_LANGUAGES.get(u[ts]);
                    } else if (len >= 2 && len <= 5 && lettersEnd(ts) == i) {
                        lang = up(ts, i).toLowerCase(java.util.Locale.ROOT);
                    } else {
                        throw unexpected(ts);
                    }
                    if (p.languages == null) {
                        p.languages = new ArrayList<>(3);
                    }
                    if (!p.languages.contains(lang)) {
                        p.languages.add(lang);
                    }
                    ts = i + 1;
                }
            }
            pos = close + 1;
        }

        // ------------------------------------------------------------ Chinese

        private Designation chinese() {
            Parts p = new Parts();
            int e = lettersEnd(0);
            if (e == 0) {
                if (isDigit(u[0])) {
                    throw new Failure(DesignationParseException.MISSING_PREFIX, position(0));
                }
                throw unexpected(0);
            }
            String letters = up(0, e);
            pos = e;
            if (letters.equals("T") && (at(pos, '/') || at(pos, '-'))) {
                pos++;
                String code = organisationCode(false);
                p.kind = StandardKind.GROUP;
                p.body = p.prefix = "T/" + code;
            } else if (letters.equals("Q") && (at(pos, '/') || at(pos, '-'))) {
                pos++;
                String code = organisationCode(true);
                p.kind = StandardKind.ENTERPRISE;
                p.body = p.prefix = "Q/" + code;
                if (at(pos, '-') && digitAt(pos + 1)) {
                    pos++;
                }
            } else if (letters.equals("DB") && digitAt(pos)) {
                local(p);
            } else {
                sector(p, letters, e);
            }
            chineseNumber(p);
            chineseYear(p);
            while (pos < n) {
                int at = pos;
                if (u[pos] == ' ') {
                    pos++;
                }
                boolean slash = at(pos, '/');
                if (slash) {
                    pos++;
                }
                if (pos == at) {
                    throw unexpected(at);
                }
                if (at(pos, 'X') && at(pos + 1, 'G') && digitAt(pos + 2)) {
                    int ds = pos + 2;
                    int de = digitsEnd(ds);
                    if (de - ds > 3) {
                        throw unexpected(ds + 3);
                    }
                    String num = up(ds, de);
                    pos = de;
                    String yr = null;
                    if ((at(pos, '-') || at(pos, ':')) && digitAt(pos + 1)) {
                        yr = twoOrFourDigitYear(p, pos + 1);
                    }
                    p.amendment(new Amendment(Amendment.Kind.XG, num, yr));
                } else if (slash && p.adopted == null && isInternationalStart(pos)) {
                    Parser sub = new Parser(src, o, u, map, n);
                    p.adopted = sub.international(pos);
                    pos = n;
                } else {
                    throw unexpected(pos < n ? pos : at);
                }
            }
            return new Designation(p);
        }

        /** Group (T/) or enterprise (Q/) code: letters/digits (enterprise also "-"). */
        private String organisationCode(boolean enterprise) {
            int s = pos;
            int e = s;
            while (e < n && (isAlnum(u[e]) || (enterprise && u[e] == '-' && e > s && e + 1 < n && isAlnum(u[e + 1])))) {
                e++;
            }
            if (e == s) {
                throw unknownPrefix(0, Math.min(n, s));
            }
            int codeEnd;
            if (at(e, ' ') && (digitAt(e + 1) || letterAt(e + 1))) {
                codeEnd = e;
            } else {
                // "T/CAS115-2005": the code ends at the last letter
                codeEnd = -1;
                for (int i = s; i < e; i++) {
                    if (isLetter(u[i])) {
                        codeEnd = i + 1;
                    }
                }
                if (codeEnd < 0) {
                    throw unknownPrefix(0, e);
                }
            }
            boolean letter = false;
            for (int i = s; i < codeEnd; i++) {
                letter |= isLetter(u[i]);
            }
            if (!letter || u[codeEnd - 1] == '-') {
                throw unknownPrefix(0, codeEnd);
            }
            pos = codeEnd;
            return up(s, codeEnd);
        }

        private void local(Parts p) {
            int ds = pos;
            int de = digitsEnd(ds);
            int len = de - ds;
            boolean separated = de < n
                    && (u[de] == '/'
                            || u[de] == ' '
                            || u[de] == 'T'
                            || u[de] == 'Z'
                            || (u[de] == '-' && (at(de + 1, 'T') || at(de + 1, 'Z'))));
            String region;
            if (separated && (len == 2 || len == 4 || len == 6)) {
                region = up(ds, de);
                pos = de;
            } else if (!separated && len > 2) {
                region = up(ds, ds + 2);
                pos = ds + 2;
                p.flag(FLAG_AMBIGUOUS_REGION_SPLIT);
            } else {
                throw unknownPrefix(0, de);
            }
            if (!PROVINCES.contains(region.substring(0, 2))) {
                p.flag(FLAG_UNKNOWN_REGION_CODE);
            }
            char m = 0;
            if ((at(pos, 'T') || at(pos, 'Z')) && !letterAt(pos + 1)) {
                m = u[pos++];
            } else {
                m = mandate();
            }
            p.kind = StandardKind.LOCAL;
            p.body = "DB" + region;
            p.prefix = m == 0 ? p.body : p.body + "/" + m;
        }

        private void sector(Parts p, String letters, int e) {
            String code;
            char m = 0;
            if (isKnownCode(letters)) {
                code = letters;
            } else if (letters.length() >= 3
                    && (letters.endsWith("T") || letters.endsWith("Z"))
                    && isKnownCode(letters.substring(0, letters.length() - 1))) {
                code = letters.substring(0, letters.length() - 1); // "GBT", "YYT", "JGJT"
                m = letters.charAt(letters.length() - 1);
            } else if (acceptableUnknownCode(letters, e)) {
                code = letters;
                p.flag(FLAG_UNKNOWN_SECTOR_CODE);
            } else {
                throw unknownPrefix(0, e);
            }
            if (m == 0) {
                m = mandate();
            }
            String mandate = m == 0 ? "" : "/" + m;
            if (code.equals("GB")) {
                p.kind = m == 0
                        ? StandardKind.NATIONAL_MANDATORY
                        : m == 'T' ? StandardKind.NATIONAL_RECOMMENDED : StandardKind.NATIONAL_GUIDANCE;
                p.body = "GB";
            } else if (OTHER_NATIONAL.containsKey(code)) {
                p.kind = StandardKind.NATIONAL_OTHER;
                p.body = OTHER_NATIONAL.get(code);
            } else if (OLD_GROUP_CODES.contains(code)) {
                p.kind = StandardKind.GROUP;
                p.body = code;
            } else {
                p.kind = StandardKind.INDUSTRY;
                p.body = code;
                if (m == 0) {
                    p.flag(FLAG_LEGACY_MANDATORY_SECTOR);
                }
            }
            p.prefix = p.body + mandate;
        }

        private static boolean isKnownCode(String c) {
            return c.equals("GB")
                    || SECTORS.contains(c)
                    || OTHER_NATIONAL.containsKey(c)
                    || OLD_GROUP_CODES.contains(c);
        }

        /** An all-caps 2–4 letter code as written, not GB-like and not a foreign body's code. */
        private boolean acceptableUnknownCode(String letters, int e) {
            if (letters.length() < 2 || letters.length() > 4 || letters.startsWith("GB") || FOREIGN.contains(letters)) {
                return false;
            }
            for (int i = 0; i < e; i++) {
                if (!isLetter(o[i])) {
                    return false;
                }
            }
            return true;
        }

        /** "/T", "/Z", "-T", " T " after a prefix; "/" followed by a digit is an empty mandate (DB11/ 1134). */
        private char mandate() {
            if ((at(pos, '/') || at(pos, '-')) && (at(pos + 1, 'T') || at(pos + 1, 'Z')) && !letterAt(pos + 2)) {
                pos += 2;
                return u[pos - 1];
            }
            if (at(pos, '/') && digitAt(pos + 1)) {
                pos++;
                return 0;
            }
            if (at(pos, ' ') && (at(pos + 1, 'T') || at(pos + 1, 'Z')) && (at(pos + 2, ' ') || digitAt(pos + 2))) {
                pos += 2;
                return u[pos - 1];
            }
            return 0;
        }

        private void chineseNumber(Parts p) {
            boolean spaced = at(pos, ' ');
            if (spaced) {
                pos++;
            }
            int s = pos;
            StringBuilder num = new StringBuilder(8);
            if (spaced
                    && (p.kind == StandardKind.INDUSTRY || p.kind == StandardKind.NATIONAL_OTHER)
                    && letterAt(pos)
                    && digitAt(pos + 1)) {
                num.append(u[pos++]); // "JTG D60-2015"
            }
            int de = digitsEnd(pos);
            if (de == pos) {
                throw missingNumber(s, p.prefix);
            }
            num.append(u, pos, de - pos);
            pos = de;
            StringBuilder part = null;
            while (at(pos, '.') && digitAt(pos + 1)) {
                int pe = digitsEnd(pos + 1);
                if (part == null) {
                    part = new StringBuilder(6);
                } else {
                    part.append('.');
                }
                part.append(u, pos + 1, pe - pos - 1);
                pos = pe;
            }
            p.number = num.toString();
            p.part = part == null ? null : part.toString();
        }

        private void chineseYear(Parts p) {
            if ((at(pos, '-') || at(pos, ':'))) {
                if (!digitAt(pos + 1)) {
                    throw unexpected(pos + 1);
                }
                p.year = twoOrFourDigitYear(p, pos + 1);
            } else if (at(pos, ' ') && yearAt(pos + 1) && (pos + 5 == n || u[pos + 5] == '/')) {
                p.year = up(pos + 1, pos + 5); // "GB/T 19001 2016"
                pos += 5;
            } else if (p.kind == StandardKind.GROUP
                    && p.part == null
                    && p.number.length() == 8
                    && isDigit(p.number.charAt(0))
                    && p.prefix.startsWith("T/")) {
                String y = p.number.substring(4);
                if ((y.startsWith("19") || y.startsWith("20"))) {
                    p.year = y; // "T/XZYC 00012024": the dash was lost
                    p.number = p.number.substring(0, 4);
                    p.flag(FLAG_YEAR_SPLIT_FROM_NUMBER);
                }
            }
        }

        private String twoOrFourDigitYear(Parts p, int s) {
            int e = digitsEnd(s);
            if (e - s == 4) {
                String y = checkedYear(s);
                pos = e;
                return y;
            }
            if (e - s == 2 && !letterAt(e)) {
                int yy = (u[s] - '0') * 10 + (u[s + 1] - '0');
                p.flag(FLAG_TWO_DIGIT_YEAR_EXPANDED);
                pos = e;
                return (yy >= 50 ? "19" : "20") + up(s, e);
            }
            throw badYear(s, Math.max(e, alnumEnd(s)));
        }
    }
}
