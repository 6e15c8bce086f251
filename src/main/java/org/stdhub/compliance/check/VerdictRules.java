package org.stdhub.compliance.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stdhub.catalog.Editions;
import org.stdhub.catalog.ReplacementChain;
import org.stdhub.catalog.StandardLookup.Facts;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckLine.Ref;
import org.stdhub.compliance.Verdict;

/**
 * The verdict of a line that names a standard of the catalog, from facts already read: its status, the other
 * editions of its work and its replacement chain towards newer standards. Pure: no database, no clock.
 */
final class VerdictRules {

    private static final Editions<Facts> EDITIONS = Editions.FACTS;

    private VerdictRules() {}

    /**
     * Judges a line.
     *
     * @param s the standard the line names
     * @param editions every edition of its work (it included)
     * @param newer its replacement chain towards newer standards
     * @param known the facts of (at least) every standard of {@code newer}, by id
     */
    static CheckLine judge(
            int line,
            String input,
            String normalized,
            Facts s,
            List<Facts> editions,
            ReplacementChain newer,
            Map<Long, Facts> known) {
        Ref standard = ref(s);
        StandardStatus status = StandardStatus.ofCode(s.status()).orElse(null);
        if (status == StandardStatus.UPCOMING) {
            return CheckLine.judged(line, input, normalized, Verdict.UPCOMING, standard)
                    .withUpcomingReplacement(refs(upcomingSuccessors(s, editions, newer, known)));
        }
        if (status == StandardStatus.WITHDRAWN) {
            List<Facts> replacements = replacements(newer, known);
            if (!replacements.isEmpty()) {
                return CheckLine.judged(line, input, normalized, Verdict.WITHDRAWN_REPLACED, standard)
                        .withCurrentReplacement(refs(replacements));
            }
            // no recorded replacement: point at the edition of the same document in force, if any
            List<Facts> currentEditions = editions.stream()
                    .filter(e -> e.id() != s.id() && e.isCurrent() && EDITIONS.plain(e))
                    .sorted(EDITIONS.newestFirst())
                    .toList();
            return CheckLine.judged(line, input, normalized, Verdict.WITHDRAWN_NO_REPLACEMENT, standard)
                    .withSuggestions(refs(currentEditions));
        }
        List<Facts> newerCurrent = newerEditions(s, editions, true);
        List<Facts> upcoming = upcomingSuccessors(s, editions, newer, known);
        if (!newerCurrent.isEmpty()) {
            return CheckLine.judged(line, input, normalized, Verdict.EDITION_OUTDATED, standard)
                    .withCurrentReplacement(refs(newerCurrent))
                    .withUpcomingReplacement(refs(upcoming));
        }
        if (s.isCurrent()) {
            return CheckLine.judged(line, input, normalized, Verdict.CURRENT, standard)
                    .withUpcomingReplacement(refs(upcoming));
        }
        List<Facts> replacements = newer.isEmpty()
                ? List.of()
                : replacements(newer, known).stream().filter(Facts::isCurrent).toList();
        return CheckLine.judged(line, input, normalized, Verdict.STATUS_UNKNOWN, standard)
                .withCurrentReplacement(refs(replacements))
                .withUpcomingReplacement(refs(upcoming));
    }

    /**
     * The standards to use today at the end of the replacement chains: those in force; else those about to
     * be; else the last ones known.
     */
    static List<Facts> replacements(ReplacementChain newer, Map<Long, Facts> known) {
        if (newer.isEmpty()) {
            return List.of();
        }
        List<Facts> reached =
                newer.ids().stream().map(known::get).filter(Objects::nonNull).toList();
        return newer.replacements(reached, Facts::id, Facts::status, true, EDITIONS.newestFirst());
    }

    /** Published successors not yet in force: along the replacement chain, or newer editions of the same work. */
    static List<Facts> upcomingSuccessors(
            Facts s, List<Facts> editions, ReplacementChain newer, Map<Long, Facts> known) {
        Map<Long, Facts> upcoming = new LinkedHashMap<>();
        newer.ids().stream()
                .map(known::get)
                .filter(f -> f != null && StandardStatus.UPCOMING.is(f.status()))
                .forEach(f -> upcoming.put(f.id(), f));
        newerEditions(s, editions, false).stream()
                .filter(f -> StandardStatus.UPCOMING.is(f.status()))
                .forEach(f -> upcoming.putIfAbsent(f.id(), f));
        return upcoming.values().stream().sorted(EDITIONS.newestFirst()).toList();
    }

    /** Later editions of the same work (amendments and drafts aside), the current ones only when asked. */
    static List<Facts> newerEditions(Facts s, List<Facts> editions, boolean currentOnly) {
        if (s.year() == null) {
            return List.of();
        }
        return editions.stream()
                .filter(e -> e.id() != s.id() && e.year() != null && e.year().compareTo(s.year()) > 0)
                .filter(e -> !currentOnly || e.isCurrent())
                .filter(EDITIONS::plain)
                .sorted(EDITIONS.newestFirst())
                .toList();
    }

    static Ref ref(Facts f) {
        return new Ref(
                f.designation(),
                f.titleZh(),
                f.titleEn(),
                f.status(),
                f.published(),
                f.implemented(),
                f.implementedNote());
    }

    static List<Ref> refs(List<Facts> facts) {
        return facts.stream().map(VerdictRules::ref).toList();
    }
}
