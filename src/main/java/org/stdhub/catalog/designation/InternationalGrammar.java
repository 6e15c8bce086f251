package org.stdhub.catalog.designation;

import static org.stdhub.catalog.designation.DesignationCodes.CANONICAL_PUBLISHER;
import static org.stdhub.catalog.designation.DesignationCodes.COPUBLISHERS;
import static org.stdhub.catalog.designation.DesignationCodes.IEC_FAMILY;
import static org.stdhub.catalog.designation.DesignationCodes.PROJECT_STAGES;
import static org.stdhub.catalog.designation.DesignationCodes.PUBLISHERS;
import static org.stdhub.catalog.designation.DesignationCodes.STAGES;
import static org.stdhub.catalog.designation.DesignationCodes.TITLE_TYPES;
import static org.stdhub.catalog.designation.DesignationCodes.TYPED_STAGES;
import static org.stdhub.catalog.designation.DesignationCodes.TYPES;

import java.util.ArrayList;
import org.stdhub.catalog.StandardKind;

/**
 * The ISO/IEC grammar (pubid-iso, pubid-iec): stage and publishers, type, number and parts, iteration;
 * IEC project codes; IEC white papers and reports with a title instead of a number. What follows the
 * number (year, supplements, dual identifier, edition, variant, languages) is read by
 * {@link InternationalTail}.
 */
final class InternationalGrammar extends InternationalTail {

    InternationalGrammar(CleanedText text) {
        super(text);
    }

    ParsedDesignation read(int start) {
        pos = start;
        ParsedDesignation p = new ParsedDesignation();
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
            if (p.stage == null && PROJECT_STAGES.contains(w) && at(e, ' ') && !isInternationalStart(e + 1)) {
                return project(p, w, e);
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
            pos = stageIteration(p, x, we);
        }
        if (p.publishers.get(0).equals("IEEE") && !(p.publishers.contains("ISO") || p.publishers.contains("IEC"))) {
            throw unknownPrefix(start, pos);
        }
        // "IEC CISPR 16-1-4": CISPR publishes within IEC
        if (p.publishers.size() == 1
                && p.publishers.get(0).equals("IEC")
                && p.type == null
                && p.stage == null
                && at(pos, ' ')
                && lettersEnd(pos + 1) - pos - 1 == 5
                && up(pos + 1, pos + 6).equals("CISPR")
                && at(pos + 6, ' ')) {
            p.publishers.set(0, "CISPR");
            pos += 6;
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
            String x = up(s, we);
            if (!typeOrStage(p, x, s, true)) {
                break;
            }
            pos = stageIteration(p, x, we);
        }
        iwa(p, start);
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
        p.prefix = String.join("/", p.publishers);
        p.body = p.prefix.equals("IWA") ? "ISO" : p.prefix; // International Workshop Agreements are ISO deliverables
        return p;
    }

    /** "ISO/IWA 12", "ISO/WD IWA 7": an International Workshop Agreement, published as "IWA". */
    private void iwa(ParsedDesignation p, int start) {
        if ("IWA".equals(p.type) && !p.publishers.get(0).equals("IWA")) {
            if (p.publishers.size() > 1 || !p.publishers.get(0).equals("ISO")) {
                throw unknownPrefix(start, pos);
            }
            p.publishers.set(0, "IWA");
        }
    }

    /**
     * The iteration glued to a stage word: "ISO/CD2 12345", "ISO/PreCD3 12345-2" (the second committee draft, as
     * "ISO/CD 12345.2"); returns the position after it.
     */
    private int stageIteration(ParsedDesignation p, String word, int e) {
        if (!STAGES.containsKey(word) || !digitAt(e)) {
            return e;
        }
        int de = digitsEnd(e);
        if (de - e > 2 || !(at(de, ' ') || at(de, '/')) || p.iteration != null) {
            throw unexpected(e);
        }
        p.iteration = up(e, de);
        return de;
    }

    /**
     * An IEC project code, stage first and without publisher: "PWI 100-44 ED1", "PNW TS SYCSMARTENERGY-199 ED1",
     * "PWI SRD SyCCOMM-1 ED1" (pubid-iec working programmes). The number is the committee and the project
     * number together.
     */
    private ParsedDesignation project(ParsedDesignation p, String stage, int e) {
        p.stage = stage;
        p.project = true;
        p.publishers.add("IEC");
        pos = e + 1;
        int we = lettersEnd(pos);
        String t = TYPES.get(up(pos, we));
        if (t != null && at(we, ' ')) {
            p.type = t;
            pos = we + 1;
        } else {
            p.type = "IS";
        }
        int s = pos;
        int ne = alnumEnd(s);
        if (ne == s) {
            throw missingNumber(s, new String(o, 0, s).strip());
        }
        while (at(ne, '-') && alnumEnd(ne + 1) > ne + 1) {
            ne = alnumEnd(ne + 1);
        }
        p.number = up(s, ne);
        pos = ne;
        tail(p, true);
        p.prefix = "IEC";
        p.body = "IEC";
        return p;
    }

    /** Takes a type, stage or typed stage word; false when x is none of them. */
    private boolean typeOrStage(ParsedDesignation p, String x, int s, boolean afterSpace) {
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
    private void title(ParsedDesignation p, String head) {
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

    private void number(ParsedDesignation p, boolean iec, String head) {
        if (at(pos, ' ') || ("OD".equals(p.type) && at(pos, '-') && digitAt(pos + 1))) {
            pos++; // "IECEE OD-2048:2022": the operational document's number is joined by a hyphen
        }
        int s = pos;
        int e = alnumEnd(s);
        boolean hasDigit = false;
        for (int i = s; i < e; i++) {
            hasDigit |= isDigit(u[i]);
        }
        // the named documents of a joint body: "ISO/IEC VIM:2007" (letters, then the year)
        boolean named = !iec && e > s && !hasDigit && at(e, ':') && digitAt(e + 1);
        if (e == s || (!iec && !isDigit(u[s]) && !named)) {
            throw missingNumber(s, head);
        }
        if (iec && !hasDigit && at(e, ' ') && digitAt(e + 1)) {
            e = digitsEnd(e + 1); // a letter code with its number: "IEC ABCD 02:2019"
            hasDigit = true;
        }
        // a number of letters only ("IEC GIORGI:2001", "IEC CENT-CHAL:2006") needs a year or a lettered part
        if (!hasDigit && !((at(e, ':') && digitAt(e + 1)) || (at(e, '-') && letterAt(e + 1)))) {
            throw missingNumber(s, head);
        }
        p.number = up(s, e);
        pos = e;
        // ISO Recommendations number their parts in Roman numerals: "ISO/R 123/II-1960"
        if ("R".equals(p.type) && at(pos, '/') && romanEnd(pos + 1) > pos + 1) {
            int re = romanEnd(pos + 1);
            p.part = up(pos + 1, re);
            pos = re;
            return;
        }
        StringBuilder part = null;
        while (pos < n) {
            char c = u[pos];
            if (c == '-') {
                int gs = pos + 1;
                if (addendumAt(gs)) {
                    break;
                }
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
                } else if (iec && p.sheet == null && !p.slashPart && !at(ge, '-') && !at(ge, '/')) {
                    p.sheet = up(pos + 1, ge); // the sheet of a part: "IEC 60695-2-1/1:1994"
                    pos = ge;
                    continue;
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
            if (p.iteration != null) {
                throw unexpected(pos); // "ISO/CD2 12345.3": the iteration is written once
            }
            p.iteration = up(pos + 1, ie);
            pos = ie;
        }
    }

    /** The end of a Roman numeral (I, V, X, L, C) starting at s, followed by a year, an end or a space. */
    private int romanEnd(int s) {
        int e = s;
        while (e < n && "IVXLC".indexOf(u[e]) >= 0) {
            e++;
        }
        return e > s && (e == n || u[e] == '-' || u[e] == ':' || u[e] == ' ') ? e : s;
    }
}
