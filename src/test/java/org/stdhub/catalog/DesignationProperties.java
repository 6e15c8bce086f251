package org.stdhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class DesignationProperties {

    // ------------------------------------------------------------ generators of canonical designations

    static final List<String> CHINESE_PREFIXES = List.of(
            "GB",
            "GB/T",
            "GB/Z",
            "GBZ",
            "GBZ/T",
            "JJF",
            "JJG",
            "GBJ",
            "YY",
            "YY/T",
            "DL/T",
            "DL/Z",
            "NB/T",
            "JB/T",
            "JGJ",
            "JGJ/T",
            "CJJ/T",
            "HJ/T",
            "SN/T",
            "DB/T",
            "DB41/T",
            "DB11",
            "DB11/Z",
            "DB3301/T",
            "DB610100/T",
            "T/CAS",
            "T/GZAEPI",
            "T/CHEAA",
            "Q/ABC",
            "Q/GDW",
            "CECS");

    @Provide
    Arbitrary<String> chinese() {
        Arbitrary<String> prefix = Arbitraries.of(CHINESE_PREFIXES);
        Arbitrary<String> number =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> part = Arbitraries.strings()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(3)
                .list()
                .ofMinSize(0)
                .ofMaxSize(2)
                .map(l -> l.isEmpty() ? "" : "." + String.join(".", l));
        Arbitrary<String> year = Arbitraries.integers()
                .between(1950, 2030)
                .map(y -> "-" + y)
                .injectNull(0.2)
                .map(y -> y == null ? "" : y);
        Arbitrary<String> xg = Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(1990, 2030))
                .as((n, y) -> "/XG" + n + "-" + y)
                .injectNull(0.8)
                .map(x -> x == null ? "" : x);
        return Combinators.combine(prefix, number, part, year, xg)
                .as((p, n, pt, y, x) -> p + " " + n + pt + y + (y.isEmpty() ? "" : x));
    }

    record Intl(List<String> publishers, String type) {
        boolean iec() {
            return publishers.get(0).equals("IEC") || publishers.get(0).equals("CISPR");
        }

        String head() {
            String pubs = String.join("/", publishers);
            if (type == null) {
                return pubs;
            }
            boolean spaced = iec() || publishers.size() > 1 || type.equals("Guide");
            return pubs + (spaced ? " " : "/") + type;
        }
    }

    @Provide
    Arbitrary<String> international() {
        Arbitrary<List<String>> publishers = Arbitraries.of(
                List.of("ISO"),
                List.of("IEC"),
                List.of("ISO", "IEC"),
                List.of("ISO", "IEC", "IEEE"),
                List.of("ISO", "ASTM"),
                List.of("CISPR"),
                List.of("IEC", "IEEE"),
                List.of("ISO", "CIE"));
        Arbitrary<String> type =
                Arbitraries.of("TR", "TS", "PAS", "Guide", "ISP").injectNull(0.5);
        Arbitrary<Intl> head = Combinators.combine(publishers, type).as(Intl::new);
        Arbitrary<String> number = Combinators.combine(
                        Arbitraries.integers().between(1, 9),
                        Arbitraries.strings().numeric().ofMaxLength(4))
                .as((a, b) -> a + b);
        Arbitrary<String> parts = Arbitraries.oneOf(
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3),
                        Arbitraries.of("A", "J02", "1Q", "C00535"))
                .list()
                .ofMaxSize(3)
                .map(l -> l.isEmpty() ? "" : "-" + String.join("-", l));
        Arbitrary<Integer> year = Arbitraries.integers().between(1950, 2030).injectNull(0.25);
        Arbitrary<List<int[]>> supplements = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(1, 9),
                        Arbitraries.integers().between(1950, 2030))
                .as((k, n, y) -> new int[] {k, n, y})
                .list()
                .ofMaxSize(2);
        Arbitrary<String> languages = Arbitraries.of("", "(en)", "(fr)", "(en,fr)", "(en,fr,ru)");
        return Combinators.combine(head, number, parts, year, supplements, languages)
                .as((h, n, p, y, sups, lang) -> {
                    StringBuilder sb =
                            new StringBuilder(h.head()).append(' ').append(n).append(p);
                    if (y != null) {
                        sb.append(':').append(y);
                        for (int[] s : sups) {
                            if (h.iec()) {
                                sb.append('/')
                                        .append(s[0] == 0 ? "AMD" : "COR")
                                        .append(s[1])
                                        .append(':')
                                        .append(s[2]);
                            } else {
                                sb.append('/')
                                        .append(s[0] == 0 ? "Amd " : "Cor ")
                                        .append(s[1])
                                        .append(':')
                                        .append(s[2]);
                            }
                        }
                    }
                    return sb.append(lang).toString();
                });
    }

    // ------------------------------------------------------------ sloppy variants

    static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return sb.toString();
    }

    /** Replaces the year separator (the last '-' before four digits at the end or before '/'). */
    static String dash(String s, char dash) {
        return s.replaceAll("-(\\d{4})(?=$|/)", dash + "$1");
    }

    @Provide
    Arbitrary<String[]> chineseWithVariant() {
        return chinese().flatMap(c -> {
            boolean dbWithoutMandate = c.matches("DB\\d+ .*");
            Arbitrary<String> variant = Arbitraries.of(
                    c.toLowerCase(Locale.ROOT),
                    fullWidth(c),
                    dash(c, '\u2014'),
                    dash(c, '\u2013'),
                    dash(c, '\u2010'),
                    dash(c, '\uFF0D'),
                    dash(c, '\u2212'),
                    dbWithoutMandate ? c : c.replaceFirst(" ", ""),
                    "  " + c.replace(" ", "   ").replace("-", " - ") + " ",
                    c.replace("GB/T ", "GBT").replace("GB/Z ", "GB-Z "),
                    c.replace("GB/T", "GB-T"),
                    c.replace("GB/T", "GB／T"),
                    c.replace("GB/T", "gb/t"),
                    c.replaceFirst("-(\\d{4})(?=$|/)", " $1"),
                    c.replace(" ", "\u2002"));
            return variant.map(v -> new String[] {c, v});
        });
    }

    @Provide
    Arbitrary<String[]> internationalWithVariant() {
        return international().flatMap(c -> {
            Arbitrary<String> variant = Arbitraries.of(
                    c.toLowerCase(Locale.ROOT),
                    fullWidth(c),
                    c.replaceFirst(" (?=\\d)", ""),
                    c.replace(":", "："),
                    c.replaceFirst(":(\\d{4})", " $1"),
                    c.matches("[^:]*:\\d{4}(/.*)?") ? c.replaceFirst(":(\\d{4})", "-$1") : c,
                    "  " + c.replace(" ", "  ") + "  ",
                    c.replace("(", " ("));
            return variant.map(v -> new String[] {c, v});
        });
    }

    // ------------------------------------------------------------ properties

    @Property(tries = 2000)
    void canonicalChineseDesignationsRoundTrip(@ForAll("chinese") String canonical) {
        Designation d = Designation.parse(canonical);
        assertThat(d.normalized()).isEqualTo(canonical);
        assertThat(Designation.parse(d.normalized()).normalized()).isEqualTo(d.normalized());
        assertThat(d.kind()).isNotEqualTo(StandardKind.INTERNATIONAL);
    }

    @Property(tries = 2000)
    void canonicalInternationalDesignationsRoundTrip(@ForAll("international") String canonical) {
        Designation d = Designation.parse(canonical);
        assertThat(d.normalized()).isEqualTo(canonical);
        assertThat(d.kind()).isEqualTo(StandardKind.INTERNATIONAL);
    }

    @Property(tries = 3000)
    void sloppyChineseVariantsNormaliseToTheCanonicalForm(@ForAll("chineseWithVariant") String[] pair) {
        Designation canonical = Designation.parse(pair[0]);
        Designation sloppy = Designation.parse(pair[1]);
        assertThat(sloppy.normalized()).as(pair[1]).isEqualTo(pair[0]);
        assertThat(sloppy.compactKey()).isEqualTo(canonical.compactKey());
        assertThat(sloppy.compactWorkKey()).isEqualTo(canonical.compactWorkKey());
    }

    @Property(tries = 3000)
    void sloppyInternationalVariantsNormaliseToTheCanonicalForm(@ForAll("internationalWithVariant") String[] pair) {
        Designation canonical = Designation.parse(pair[0]);
        Designation sloppy = Designation.parse(pair[1]);
        assertThat(sloppy.normalized()).as(pair[1]).isEqualTo(pair[0]);
        assertThat(sloppy.compactKey()).isEqualTo(canonical.compactKey());
    }

    @Property(tries = 2000)
    void compactKeyIsStableAndMadeOfKeyCharacters(@ForAll("chineseOrInternational") String canonical) {
        Designation d = Designation.parse(canonical);
        assertThat(Designation.parse(d.normalized()).compactKey()).isEqualTo(d.compactKey());
        assertThat(d.compactKey()).matches("[A-Z0-9.-]+");
        assertThat(d.compactKey()).startsWith(d.compactWorkKey());
    }

    @Provide
    Arbitrary<String> chineseOrInternational() {
        return Arbitraries.oneOf(chinese(), international());
    }

    /** Arbitrary text: only DesignationParseException, and whatever parses is a fixed point. */
    @Property(tries = 3000)
    void parseOfArbitraryTextFailsOnlyWithItsOwnException(@ForAll @StringLength(max = 230) String text) {
        checkTotal(text);
    }

    @Provide
    Arbitrary<String> designationLike() {
        return Arbitraries.strings()
                .withChars("GBTZYDQISOECAMDRXPVLNFgbtisoe/-—–－:：. ()+,0123456789１２／　")
                .ofMaxLength(40);
    }

    @Property(tries = 10000)
    void parseOfDesignationLikeTextFailsOnlyWithItsOwnException(@ForAll("designationLike") String text) {
        checkTotal(text);
    }

    @Provide
    Arbitrary<String> mutated() {
        return chineseOrInternational()
                .flatMap(c -> Arbitraries.integers()
                        .between(0, c.length() - 1)
                        .flatMap(i -> Arbitraries.of(
                                        "", "/", "-", ":", " ", "(", ")", "+", "X", "9", ".", "Ж", "\uD83D\uDE00")
                                .map(s -> c.substring(0, i) + s + c.substring(i + 1))));
    }

    @Property(tries = 5000)
    void parseOfMutatedDesignationsFailsOnlyWithItsOwnException(@ForAll("mutated") String text) {
        checkTotal(text);
    }

    private static void checkTotal(String text) {
        Designation d;
        try {
            d = Designation.parse(text);
        } catch (DesignationParseException e) {
            assertThat(e.messageKey()).startsWith("designation.error.");
            assertThat(e.getMessage()).isNotBlank();
            assertThat(Designation.tryParse(text)).isEmpty();
            return;
        }
        Designation again = Designation.parse(d.normalized());
        assertThat(again.normalized()).as("idempotent for %s", text).isEqualTo(d.normalized());
        assertThat(again.compactKey()).isEqualTo(d.compactKey());
        assertThat(again.withoutYear()).isEqualTo(d.withoutYear());
        assertThat(Designation.tryParse(text)).map(Designation::normalized).isEqualTo(Optional.of(d.normalized()));
    }
}
