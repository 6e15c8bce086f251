package org.stdhub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.stdhub.catalog.Designation;

/**
 * The queries of a run, made from the real (shipped) records of the catalog with a fixed seed: the same
 * seed and shipped data give the same queries on every catalog size.
 */
final class QuerySet {

    enum Kind {
        DESIGNATION("sloppy designation"),
        ENGLISH("English title fragment"),
        CHINESE("Chinese title fragment");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A real standard as the catalog holds it. */
    record CatalogRow(String designation, String workKey, String titleZh, String titleEn) {}

    /**
     * One query and the standard it is meant to find. For title fragments, a standard with exactly the same
     * title (another edition of the same document, typically) counts as found too: no engine can tell them
     * apart from a fragment of the title. {@code exact} hit rates count only the sampled record.
     */
    record BenchQuery(Kind kind, String form, String text, String designation, String titleZh, String titleEn) {}

    private QuerySet() {}

    /**
     * @param rows real standards, in a stable order
     * @param sharedWorkKeys work keys (designation without year) that several standards share
     */
    static List<BenchQuery> build(List<CatalogRow> rows, Set<String> sharedWorkKeys, int perKind, long seed) {
        Random random = new Random(seed);
        List<BenchQuery> queries = new ArrayList<>();

        List<CatalogRow> chinese = new ArrayList<>();
        List<CatalogRow> international = new ArrayList<>();
        for (CatalogRow r : rows) {
            Designation.tryParse(r.designation())
                    .ifPresent(d -> (d.kind().isChinese() ? chinese : international).add(r));
        }
        Collections.shuffle(chinese, random);
        Collections.shuffle(international, random);
        int half = perKind / 2;
        for (CatalogRow r : chinese.subList(0, Math.min(half, chinese.size()))) {
            queries.add(sloppy(r, sharedWorkKeys, random));
        }
        for (CatalogRow r : international.subList(0, Math.min(perKind - half, international.size()))) {
            queries.add(sloppy(r, sharedWorkKeys, random));
        }

        List<CatalogRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        int english = 0;
        for (CatalogRow r : shuffled) {
            if (english == perKind) {
                break;
            }
            String fragment = englishFragment(r.titleEn(), random);
            if (fragment != null) {
                queries.add(
                        new BenchQuery(Kind.ENGLISH, "2-4 words", fragment, r.designation(), r.titleZh(), r.titleEn()));
                english++;
            }
        }
        Collections.shuffle(shuffled, random);
        int zh = 0;
        for (CatalogRow r : shuffled) {
            if (zh == perKind) {
                break;
            }
            String fragment = chineseFragment(r.titleZh(), random);
            if (fragment != null) {
                queries.add(new BenchQuery(
                        Kind.CHINESE, "4-8 characters", fragment, r.designation(), r.titleZh(), r.titleEn()));
                zh++;
            }
        }
        // one fixed interleaving of kinds, so that no system sees a block of one kind
        Collections.shuffle(queries, random);
        return List.copyOf(queries);
    }

    /** A sloppy way of writing the designation, chosen at random among those that apply. */
    private static BenchQuery sloppy(CatalogRow r, Set<String> sharedWorkKeys, Random random) {
        String n = r.designation();
        Designation d = Designation.parse(n);
        List<String[]> forms = new ArrayList<>();
        forms.add(new String[] {"lower case", n.toLowerCase(Locale.ROOT)});
        forms.add(new String[] {"no spaces", n.replace(" ", "")});
        forms.add(new String[] {"lower case, no spaces", n.replace(" ", "").toLowerCase(Locale.ROOT)});
        if (n.indexOf('/') >= 0) {
            forms.add(new String[] {"full-width slash", n.replace('/', '\uFF0F')});
        }
        String year = d.year();
        boolean chinese = d.kind().isChinese();
        if (chinese && year != null && n.contains("-" + year)) {
            int at = n.lastIndexOf("-" + year);
            forms.add(new String[] {"em dash before year", n.substring(0, at) + "\u2014" + n.substring(at + 1)});
            forms.add(new String[] {"space before year", n.substring(0, at) + " " + n.substring(at + 1)});
        }
        String prefix = d.prefix();
        if (chinese && prefix != null && (prefix.endsWith("/T") || prefix.endsWith("/Z")) && n.startsWith(prefix)) {
            forms.add(new String[] {"prefix without slash (GBT)", prefix.replace("/", "") + n.substring(prefix.length())
            });
        }
        if (year != null && d.amendments().isEmpty() && !sharedWorkKeys.contains(r.workKey())) {
            forms.add(
                    new String[] {"without year (only edition)", d.withoutYear().toLowerCase(Locale.ROOT)});
        }
        String[] form = forms.get(random.nextInt(forms.size()));
        return new BenchQuery(Kind.DESIGNATION, form[0], form[1], n, r.titleZh(), r.titleEn());
    }

    private static final Set<String> FILLER = Set.of(
            "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "part", "parts", "the", "to",
            "with");

    /**
     * 2–4 consecutive words of the title (punctuation around words dropped; a number or a dash between words
     * ends a run of words), not only filler words such as "Part" or "of"; or null.
     */
    static String englishFragment(String title, Random random) {
        if (title == null) {
            return null;
        }
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String token : title.split("\\s+")) {
            String w = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (w.chars().anyMatch(Character::isLetter)) {
                run.add(w);
            }
            if (!w.chars().anyMatch(Character::isLetter) || !w.equals(token)) {
                // "Part 1:", "Safety —", "(GPS)", "requirements," end the run of consecutive words
                if (run.size() >= 2) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
        }
        if (run.size() >= 2) {
            runs.add(run);
        }
        if (runs.isEmpty()) {
            return null;
        }
        List<String> words = runs.get(random.nextInt(runs.size()));
        int length = Math.min(words.size(), 2 + random.nextInt(3));
        int start = random.nextInt(words.size() - length + 1);
        List<String> fragment = words.subList(start, start + length);
        if (fragment.stream().allMatch(w -> FILLER.contains(w.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        return String.join(" ", fragment);
    }

    /** 4–8 consecutive Chinese characters of the title (inside one run of Han characters), or null. */
    static String chineseFragment(String title, Random random) {
        if (title == null) {
            return null;
        }
        List<int[]> runs = new ArrayList<>();
        int[] cps = title.codePoints().toArray();
        int start = -1;
        for (int i = 0; i <= cps.length; i++) {
            boolean han = i < cps.length && Character.UnicodeScript.of(cps[i]) == Character.UnicodeScript.HAN;
            if (han && start < 0) {
                start = i;
            } else if (!han && start >= 0) {
                if (i - start >= 4) {
                    runs.add(new int[] {start, i});
                }
                start = -1;
            }
        }
        if (runs.isEmpty()) {
            return null;
        }
        int[] run = runs.get(random.nextInt(runs.size()));
        int length = Math.min(run[1] - run[0], 4 + random.nextInt(5));
        int from = run[0] + random.nextInt(run[1] - run[0] - length + 1);
        return new String(cps, from, length);
    }
}
