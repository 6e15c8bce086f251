package org.stdhub.catalog.designation;

import static org.stdhub.catalog.designation.DesignationCodes.IEC_FAMILY;
import static org.stdhub.catalog.designation.DesignationCodes.ISO_SUPPLEMENT_WORD;

import org.stdhub.catalog.Designation.Amendment;
import org.stdhub.catalog.StandardKind;

/**
 * The canonical rendering of a designation ({@code docs/domain/01_identifiers.md}). Chinese:
 * {@code PREFIX NUMBER[.PART][-YEAR][/XGn[-YEAR]]} with an ASCII hyphen, and EM DASH year separators in
 * the formal form; ISO/IEC as pubid-iso/pubid-iec ({@code ISO/IEC TR 29110-5-1-1:2012},
 * {@code IEC 62439-1:2010+AMD1:2012 CSV}).
 *
 * @param normalized "GB/T 19001-2016", "ISO 10231:2003/Amd 1:2015", "IEC 62439-1:2010+AMD1:2012 CSV"
 * @param formal for typeset output: "GB/T 19001—2016"; ISO/IEC as normalized
 * @param withoutYear the work without year, amendments, stage, edition and variant: "GB/T 19001", "ISO/TR 30406"
 */
public record CanonicalForm(String normalized, String formal, String withoutYear) {

    public static CanonicalForm of(ParsedDesignation p) {
        return p.kind == StandardKind.INTERNATIONAL ? international(p) : chinese(p);
    }

    private static CanonicalForm chinese(ParsedDesignation p) {
        StringBuilder sb = new StringBuilder(32).append(p.prefix).append(' ').append(p.number);
        if (p.part != null) {
            sb.append('.').append(p.part);
        }
        String withoutYear = sb.toString();
        StringBuilder f = new StringBuilder(sb);
        if (p.year != null) {
            sb.append('-').append(p.year);
            f.append('\u2014').append(p.year);
        }
        for (Amendment a : p.amendments()) {
            sb.append("/XG").append(a.number());
            f.append("/XG").append(a.number());
            if (a.year() != null) {
                sb.append('-').append(a.year());
                f.append('\u2014').append(a.year());
            }
        }
        return new CanonicalForm(sb.toString(), f.toString(), withoutYear);
    }

    private static CanonicalForm international(ParsedDesignation p) {
        if (p.project) {
            return project(p);
        }
        boolean iecStyle = iecStyle(p);
        StringBuilder sb = new StringBuilder(48).append(head(p, p.stage));
        StringBuilder w = new StringBuilder(32).append(head(p, null));
        if (p.title != null) {
            sb.append(' ').append(p.title);
            w.append(' ').append(p.title);
        } else {
            sb.append(' ').append(p.number);
            w.append(' ').append(p.number);
            if (p.part != null) {
                char sep = p.slashPart ? '/' : '-';
                sb.append(sep).append(p.fullPart());
                w.append(sep).append(p.fullPart());
            }
            if (p.iteration != null) {
                sb.append('.').append(p.iteration);
            }
        }
        if (p.year != null) {
            sb.append(':').append(p.year);
        }
        char joiner = "CSV".equals(p.suffix) ? '+' : '/'; // consolidated versions join with "+"
        for (Amendment a : p.amendments()) {
            sb.append(joiner);
            renderSupplement(sb, a, iecStyle);
        }
        if (p.suffix != null) {
            sb.append(' ').append(p.suffix);
        }
        if (p.languages != null && !p.languages.isEmpty()) {
            sb.append('(').append(String.join(",", p.languages)).append(')');
        }
        if (p.allParts) {
            sb.append(" (all parts)");
        }
        if (p.dual != null) {
            sb.append('|').append(p.dual.prefix).append(' ').append(p.dual.number);
            w.append('|').append(p.dual.prefix).append(' ').append(p.dual.number);
            if (p.dual.part != null) {
                sb.append('-').append(p.dual.part);
                w.append('-').append(p.dual.part);
            }
            if (p.year != null) {
                sb.append(':').append(p.year);
            }
        }
        String normalized = sb.toString();
        return new CanonicalForm(normalized, normalized, w.toString());
    }

    /** An IEC project code as pubid-iec writes it, stage first with its edition: "PNW TS 65-915 ED1". */
    private static CanonicalForm project(ParsedDesignation p) {
        String work = p.stage + ("IS".equals(p.type) ? "" : " " + p.type) + " " + p.number;
        StringBuilder sb = new StringBuilder(work);
        for (Amendment a : p.amendments()) {
            sb.append('/');
            renderSupplement(sb, a, true);
        }
        if (p.edition != null) {
            sb.append(" ED").append(p.edition);
        }
        return new CanonicalForm(sb.toString(), sb.toString(), work);
    }

    /** IEC and its families write type and stage after a space ("IEC TS 62443"); ISO after a "/" ("ISO/TR"). */
    static boolean iecStyle(ParsedDesignation p) {
        return IEC_FAMILY.contains(p.publishers.get(0));
    }

    /** Publishers with stage and type: "ISO/DIS", "ISO/IEC CD TR", "ISO/DTR", "IEC TS"; without stage when null. */
    static String head(ParsedDesignation p, String stage) {
        String pubs = p.prefix;
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
        boolean spaced = iecStyle(p)
                || p.publishers.size() > 1
                || (type != null && (type.contains("Guide") || type.contains(" ")));
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
}
