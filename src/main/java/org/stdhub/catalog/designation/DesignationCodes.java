package org.stdhub.catalog.designation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.stdhub.catalog.Designation.Amendment;

/**
 * The code tables of designations: Chinese sector, national, group and region codes, foreign codes that
 * are not Chinese, ISO/IEC publishers, deliverable types, stages, supplements, publication variants and
 * languages. Sources: {@code docs/domain/01_identifiers.md}, pubid-iso and pubid-iec.
 */
final class DesignationCodes {

    private DesignationCodes() {}

    /** Industry (sector) codes: 01_identifiers.md §1.2 (64 + DY), the extras it lists, and engineering series. */
    static final Set<String> SECTORS = Set.of(
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
    static final Map<String, String> OTHER_NATIONAL = Map.of(
            "GBZ", "GBZ", "GJB", "GJB", "GSB", "GSB", "GBN", "GBn", "GBJ", "GBJ", "JJF", "JJF", "JJG", "JJG", "GHZB",
            "GHZB", "GWKB", "GWKB", "GWPB", "GWPB");

    /** Association standards written without "T/" (中国工程建设标准化协会 CECS 102:2002). */
    static final Set<String> OLD_GROUP_CODES = Set.of("CECS");

    /** Foreign or international codes that must not be taken for an unknown Chinese sector code. */
    static final Set<String> FOREIGN = Set.of(
            "EN", "DIN", "BS", "ASTM", "ANSI", "JIS", "NF", "UNE", "IEEE", "SAE", "ASME", "UL", "API", "ITU", "ETSI",
            "CEN", "KS", "AS", "CSA", "NFPA", "AWS", "ISA", "NEMA", "IPC", "VDE", "VDI", "OIML", "IDF", "CIE", "AAMI",
            "CLSI", "USP", "EP", "JP", "BP", "NACE", "IES", "ABNT", "SNI", "TIS", "IRAM", "SS", "CNS", "ECE", "UN",
            "EC", "EU", "RFC", "W3C", "IETF", "MIL", "DOD", "FED", "ICAO", "IMO", "IATA", "IS", "ISO", "IEC", "IWA",
            "JEDEC", "GOST");

    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    static final Set<String> PUBLISHERS = Set.of("ISO", "IEC", "IWA", "CISPR", "IECQ", "IECEE", "IECEX", "IECRE");

    static final Set<String> IEC_FAMILY = Set.of("IEC", "CISPR", "IECQ", "IECEE", "IECEx", "IECRE");

    static final Map<String, String> CANONICAL_PUBLISHER = Map.of("IECEX", "IECEx");

    static final Map<String, String> COPUBLISHERS = Map.ofEntries(
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

    static final Map<String, String> TYPES = Map.ofEntries(
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
            Map.entry("WT", "WT"),
            Map.entry("IWA", "IWA"));

    /** IEC publication types written in words, followed by a title instead of a number. */
    static final String[][] TITLE_TYPES = {
        {"TECHNOLOGY AND MARKET OUTLOOK PAPER ", "Technology and Market Outlook Paper"},
        {"TECHNOLOGY REPORT ", "Technology Report"},
        {"TREND REPORT ", "Trend Report"},
        {"WHITE PAPER ", "White Paper"},
    };

    static final Map<String, String> STAGES = Map.ofEntries(
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
            Map.entry("PRF", "PRF"),
            // historic stages (draft proposal, final committee draft) and IEC project stages (pubid-iso, pubid-iec)
            Map.entry("DP", "DP"),
            Map.entry("FCD", "FCD"),
            Map.entry("PNW", "PNW"),
            // "FD" before a type written apart: "ISO/IEC FD Guide 12-3" is the final draft Guide
            Map.entry("FD", "FDIS"));

    /** IEC project stages that open a project code without publisher: "PWI 100-44 ED1", "PNW TS 65-915 ED1". */
    static final Set<String> PROJECT_STAGES = Set.of("PWI", "PNW");

    /** Stage and type in one word → {stage, type}. */
    static final Map<String, String[]> TYPED_STAGES = Map.of(
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

    static final Set<String> SUFFIXES = Set.of("CSV", "RLV", "EXV", "CMV", "SER", "DB", "EXV-CMV", "EXV-RLV");

    record SupplementWord(Amendment.Kind kind, String stage) {}

    static final Map<String, SupplementWord> SUPPLEMENT_WORDS = new HashMap<>();

    static {
        Object[][] words = {
            {"AMD", Amendment.Kind.AMD, null},
            {"A", Amendment.Kind.AMD, null},
            {"COR", Amendment.Kind.COR, null},
            {"CORR", Amendment.Kind.COR, null},
            {"ADD", Amendment.Kind.ADD, null},
            {"SUPPL", Amendment.Kind.SUPPL, null},
            {"DSUPPL", Amendment.Kind.SUPPL, "DIS"},
            {"ADDENDUM", Amendment.Kind.ADD, null},
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

    static final Map<Amendment.Kind, String> ISO_SUPPLEMENT_WORD = Map.of(
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

    static final Map<Character, String> ONE_LETTER_LANGUAGES =
            Map.of('E', "en", 'F', "fr", 'R', "ru", 'S', "es", 'A', "ar", 'D', "de", 'C', "zh");

    static final Map<String, String> CYRILLIC = Map.of(
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
}
