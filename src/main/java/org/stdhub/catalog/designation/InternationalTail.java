package org.stdhub.catalog.designation;

import static org.stdhub.catalog.designation.DesignationCodes.CANONICAL_PUBLISHER;
import static org.stdhub.catalog.designation.DesignationCodes.ONE_LETTER_LANGUAGES;
import static org.stdhub.catalog.designation.DesignationCodes.STAGES;
import static org.stdhub.catalog.designation.DesignationCodes.SUFFIXES;
import static org.stdhub.catalog.designation.DesignationCodes.SUPPLEMENT_WORDS;

import java.util.ArrayList;
import org.stdhub.catalog.Designation.Amendment;
import org.stdhub.catalog.DesignationFlag;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.designation.DesignationCodes.SupplementWord;

/**
 * What follows the number of an ISO/IEC identifier: the year (with month), supplements ("/Amd 1:2015",
 * "+AMD1:2012", "/Cor.1:2006", the Addenda of ISO Recommendations), the identifier of a second publisher
 * ("ISO 5537|IDF 26:2004"), edition ("ED2"), publication variant ("CSV") and languages ("(en-fr)").
 * {@link InternationalGrammar} reads the head and the number, then hands over here.
 */
abstract sealed class InternationalTail extends DesignationParser permits InternationalGrammar {

    InternationalTail(CleanedText text) {
        super(text);
    }

    /** The word "Addendum" of the ISO Recommendations ("ISO/R 45-1965 — Addendum 2"). */
    boolean addendumAt(int i) {
        return up(i, lettersEnd(i)).equals("ADDENDUM");
    }

    /** After a number group: a colon year, an iteration or a further group follows. */
    boolean numberGoesOn(int p) {
        return (at(p, ':') && digitAt(p + 1))
                || (at(p, '.') && digitAt(p + 1))
                || (at(p, '-') && (digitAt(p + 1) || (letterAt(p + 1) && !addendumAt(p + 1)) || at(p + 1, '/')))
                || (at(p, '/') && digitAt(p + 1));
    }

    /** ":2015", ":2019-10", "-2017" (hyphen year), " 2015" (space year); a lone trailing ':' is dropped. */
    void year(ParsedDesignation p, boolean supplement) {
        if ((at(pos, '-') && yearAt(pos + 1))
                || (!supplement && at(pos, '/') && yearDigits(pos + 1) && !digitAt(pos + 5))) {
            p.year = up(pos + 1, pos + 5);
            p.flag(DesignationFlag.YEAR_FROM_HYPHEN);
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
            // "IEC 60794-1-23:2019-10": the month is kept, a day dropped
            if (at(pos, '-') && digitAt(pos + 1) && digitAt(pos + 2) && !digitAt(pos + 3)) {
                p.month = up(pos + 1, pos + 3);
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

    void tail(ParsedDesignation p, boolean iec) {
        while (pos < n) {
            char c = u[pos];
            if (c == ' ') {
                pos++;
            } else if (c == '/' || c == '+') {
                supplement(p, iec);
            } else if (c == '(') {
                parenthesis(p);
            } else if (c == '|' && p.dual == null && !p.project) {
                dual(p, iec);
            } else if (c == '-' && addendumAt(pos + 1)) {
                supplement(p, iec); // "ISO/R 45-1965 — Addendum 2"
            } else if (isLetter(c)) {
                int e = lettersEnd(pos);
                String w = up(pos, e);
                if (w.equals("ADDENDUM") && at(pos - 1, ' ')) {
                    pos--;
                    supplement(p, iec); // "ISO/R 45-1965 Addendum 2"
                    continue;
                }
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
    void supplement(ParsedDesignation p, boolean iec) {
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
        ParsedDesignation y = new ParsedDesignation();
        year(y, true);
        if (iec && number == null && (sw.kind() == Amendment.Kind.AMD || sw.kind() == Amendment.Kind.COR)) {
            number = "1"; // IEC "+ COR:2014" is the first corrigendum
        }
        p.amendment(new Amendment(sw.kind(), number, y.year, stage));
    }

    /**
     * The identifier of the second publisher of a dual publication: "ISO 5537|IDF 26:2004",
     * "ISO 8968-1:2014|IDF 20-1:2014". A year written only on the second is the year of both.
     */
    void dual(ParsedDesignation p, boolean iec) {
        int s = pos + 1;
        int e = lettersEnd(s);
        if (e == s || !at(e, ' ') || !digitAt(e + 1)) {
            throw unexpected(s);
        }
        ParsedDesignation d = new ParsedDesignation();
        d.kind = StandardKind.INTERNATIONAL;
        String body = up(s, e);
        d.publishers = new ArrayList<>(java.util.List.of(CANONICAL_PUBLISHER.getOrDefault(body, body)));
        d.prefix = d.publishers.get(0);
        d.body = d.prefix;
        d.type = "IS";
        pos = e + 1;
        int ne = digitsEnd(pos);
        d.number = up(pos, ne);
        pos = ne;
        StringBuilder part = null;
        while (at(pos, '-') && alnumEnd(pos + 1) > pos + 1 && !(yearAt(pos + 1) && !numberGoesOn(pos + 5))) {
            int ge = alnumEnd(pos + 1);
            part = part == null ? new StringBuilder() : part.append('-');
            part.append(u, pos + 1, ge - pos - 1);
            pos = ge;
        }
        d.part = part == null ? null : part.toString();
        year(d, false);
        if (p.year == null) {
            p.year = d.year;
        } else if (d.year != null && !d.year.equals(p.year)) {
            throw badYear(pos - 4, pos);
        }
        p.dual = d;
    }

    /** "(en)", "(E/F/R)", "(en,fr,other)", "(en-fr)", "(all parts)". */
    void parenthesis(ParsedDesignation p) {
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
            if (i == close || u[i] == ',' || u[i] == '/' || u[i] == '-') {
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
}
