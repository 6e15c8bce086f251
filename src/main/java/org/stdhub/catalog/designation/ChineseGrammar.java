package org.stdhub.catalog.designation;

import static org.stdhub.catalog.designation.DesignationCodes.FOREIGN;
import static org.stdhub.catalog.designation.DesignationCodes.OLD_GROUP_CODES;
import static org.stdhub.catalog.designation.DesignationCodes.OTHER_NATIONAL;
import static org.stdhub.catalog.designation.DesignationCodes.PROVINCES;
import static org.stdhub.catalog.designation.DesignationCodes.SECTORS;

import org.stdhub.catalog.Designation.Amendment;
import org.stdhub.catalog.DesignationFlag;
import org.stdhub.catalog.DesignationParseException;
import org.stdhub.catalog.StandardKind;

/**
 * The Chinese grammar ({@code PREFIX NUMBER[.PART][-YEAR][/XGn[-YEAR]]}): national (GB, GB/T, GB/Z and
 * the special series), industry (sector), local (DB + region), group (T/) and enterprise (Q/) standards,
 * 修改单 (XG) and an adopted ISO/IEC designation after a "/".
 */
final class ChineseGrammar extends DesignationParser {

    ChineseGrammar(CleanedText text) {
        super(text);
    }

    ParsedDesignation read() {
        ParsedDesignation p = new ParsedDesignation();
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
        } else if ((letters.equals("DB") || letters.equals("DBS")) && digitAt(pos)) {
            local(p, letters); // "DBS32/ 001-2013": a local food safety standard
        } else {
            sector(p, letters, e);
            metrologySector(p);
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
                p.adopted = new InternationalGrammar(text).read(pos);
                pos = n;
            } else {
                throw unexpected(pos < n ? pos : at);
            }
        }
        return p;
    }

    /** Group (T/) or enterprise (Q/) code: letters/digits (enterprise also "-"). */
    private String organisationCode(boolean enterprise) {
        int s = pos;
        int e = s;
        while (e < n
                && (isAlnum(u[e])
                        || (enterprise && u[e] == '-' && e > s && e + 1 < n && isAlnum(u[e + 1]))
                        || (!enterprise && u[e] == '-' && e > s && seriesLetters(e + 1)))) {
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

    /** "G" of "T/CECA-G 0123-2021": letters of a group's series, then a space and the number. */
    private boolean seriesLetters(int p) {
        int e = lettersEnd(p);
        return e > p && e - p <= 3 && at(e, ' ') && digitAt(e + 1);
    }

    private void local(ParsedDesignation p, String code) {
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
            p.flag(DesignationFlag.AMBIGUOUS_REGION_SPLIT);
        } else {
            throw unknownPrefix(0, de);
        }
        if (!PROVINCES.contains(region.substring(0, 2))) {
            p.flag(DesignationFlag.UNKNOWN_REGION_CODE);
        }
        char m = 0;
        if ((at(pos, 'T') || at(pos, 'Z')) && !letterAt(pos + 1)) {
            m = u[pos++];
        } else {
            m = mandate();
        }
        p.kind = StandardKind.LOCAL;
        p.body = code + region;
        p.prefix = m == 0 ? p.body : p.body + "/" + m;
    }

    private void sector(ParsedDesignation p, String letters, int e) {
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
            p.flag(DesignationFlag.UNKNOWN_SECTOR_CODE);
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
                p.flag(DesignationFlag.LEGACY_MANDATORY_SECTOR);
            }
        }
        p.prefix = p.body + mandate;
    }

    /**
     * The sector or region in brackets after a metrology code: "JJF(纺织) 16-1985", "JJG(京) 33-2003",
     * "JJF(CR) 029-2020" — departmental and local verification regulations, numbered apart from the national ones.
     */
    private void metrologySector(ParsedDesignation p) {
        if (!at(pos, '(') || !(p.body.equals("JJF") || p.body.equals("JJG"))) {
            return;
        }
        int s = pos + 1;
        int e = s;
        while (e < n && u[e] != ')' && u[e] != '(' && u[e] != ' ' && u[e] != '/' && e - s <= MAX_SECTOR) {
            e++;
        }
        if (e == s || !at(e, ')') || e - s > MAX_SECTOR) {
            throw unexpected(e == s || e >= n ? Math.min(e, n) : e);
        }
        p.sector = up(s, e);
        p.prefix = p.prefix + "(" + p.sector + ")";
        pos = e + 1;
    }

    private static final int MAX_SECTOR = 8;

    private static boolean isKnownCode(String c) {
        return c.equals("GB") || SECTORS.contains(c) || OTHER_NATIONAL.containsKey(c) || OLD_GROUP_CODES.contains(c);
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

    private void chineseNumber(ParsedDesignation p) {
        boolean spaced = at(pos, ' ');
        if (spaced) {
            pos++;
        }
        int s = pos;
        StringBuilder num = new StringBuilder(8);
        if (spaced
                && (p.kind == StandardKind.INDUSTRY
                        || p.kind == StandardKind.NATIONAL_OTHER
                        || (p.kind == StandardKind.GROUP && p.prefix.startsWith("T/")))
                && letterAt(pos)
                && digitAt(pos + 1)) {
            num.append(u[pos++]); // "JTG D60-2015", "T/CNFMA A001-2021"
        } else if (spaced && p.body.equals("ZB") && letterAt(pos) && at(pos + 1, ' ') && digitAt(pos + 2)) {
            num.append(u[pos]).append(' '); // professional standards numbered by CCS category: "ZB A 17001-1986"
            pos += 2;
        }
        int de = digitsEnd(pos);
        if (de == pos) {
            throw missingNumber(s, p.prefix);
        }
        num.append(u, pos, de - pos);
        pos = de;
        if (letterAt(pos) && at(pos + 1, '-') && digitAt(pos + 2)) {
            num.append(u[pos++]); // a lettered variant of a number: "JJF 1203A-1990", "JJG 12B-1990"
        }
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

    private void chineseYear(ParsedDesignation p) {
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
                p.flag(DesignationFlag.YEAR_SPLIT_FROM_NUMBER);
            }
        }
    }

    private String twoOrFourDigitYear(ParsedDesignation p, int s) {
        int e = digitsEnd(s);
        if (e - s == 4) {
            String y = checkedYear(s);
            pos = e;
            return y;
        }
        if (e - s == 2 && !letterAt(e)) {
            int yy = (u[s] - '0') * 10 + (u[s + 1] - '0');
            p.flag(DesignationFlag.TWO_DIGIT_YEAR_EXPANDED);
            pos = e;
            return (yy >= 50 ? "19" : "20") + up(s, e);
        }
        throw badYear(s, Math.max(e, alnumEnd(s)));
    }
}
