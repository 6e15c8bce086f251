package org.stdhub.compliance.check;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.DesignationParseException;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.catalog.StandardLookup.Facts;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.catalog.StandardSearchResult;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckLine.Ref;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.CheckSummary;
import org.stdhub.compliance.Verdict;

/**
 * Works out the verdict of every line of a list in bulk: all lines are parsed first, then the catalog is read
 * in a handful of queries (editions by work key, the replacement graph once, successors by id, near numbers
 * for what was not found), and the replacement chains are walked in memory. A 10,000-line list costs about
 * as many queries as a 10-line one.
 */
@Component
public class CheckEngine {

    private static final Logger log = LoggerFactory.getLogger(CheckEngine.class);

    /** Inputs are echoed up to this length. */
    static final int MAX_INPUT = 300;

    static final int MAX_SUGGESTIONS = 5;

    /**
     * Full-text suggestions cost one index query each: asked for at most this many not-found lines of one
     * check (those without a near designation from the database), and within {@link #SEARCH_BUDGET_NANOS}.
     */
    static final int MAX_SEARCHED = 50;

    static final long SEARCH_BUDGET_NANOS = 300_000_000L;

    /** Replacement chains longer than this are cut (protects against cycles in source data). */
    static final int MAX_CHAIN_DEPTH = 50;

    private static final Comparator<Facts> NEWEST_FIRST = Comparator.comparing(
                    Facts::year, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .reversed()
            .thenComparing(Facts::designation);

    private static final Comparator<Facts> CURRENT_THEN_NEWEST =
            Comparator.comparing((Facts f) -> !f.isCurrent()).thenComparing(NEWEST_FIRST);

    private final StandardLookup lookup;
    private final CatalogService catalog;
    private final MessageSource messages;
    private final Clock clock;

    CheckEngine(StandardLookup lookup, CatalogService catalog, MessageSource messages, Clock clock) {
        this.lookup = lookup;
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    /** A line as the identifier engine read it: a designation, or why it could not. */
    record Reading(Designation designation, String reasonCode, Object[] reasonArgs) {}

    public CheckReport check(List<CheckEntry> entries, Locale locale) {
        var checkedAt = clock.instant();
        int n = entries.size();
        long t0 = System.nanoTime();

        // 1. read every line
        Reading[] readings = new Reading[n];
        Set<String> workKeys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            readings[i] = read(entries.get(i).text());
            if (readings[i].designation() != null) {
                workKeys.add(readings[i].designation().compactWorkKey());
            }
        }

        long t1 = System.nanoTime();
        // 2. every edition of every work named, in one pass (chunks of 1,000 keys)
        Map<String, List<Facts>> works = lookup.byWorkKeys(workKeys);
        Map<String, Facts> byKey = new HashMap<>();
        Map<Long, Facts> byId = new HashMap<>();
        works.values()
                .forEach(list -> list.forEach(f -> {
                    byKey.put(f.designationKey(), f);
                    byId.put(f.id(), f);
                }));
        Set<String> unseen = new HashSet<>();
        for (Reading r : readings) {
            if (r.designation() != null && !byKey.containsKey(r.designation().compactKey())) {
                unseen.add(r.designation().compactKey());
            }
        }
        lookup.byDesignationKeys(unseen).values().forEach(f -> {
            byKey.put(f.designationKey(), f);
            byId.put(f.id(), f);
        });

        long t2 = System.nanoTime();
        // 3. the standard each line names
        Facts[] found = new Facts[n];
        Set<String> missingNumbers = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Designation d = readings[i].designation();
            if (d == null) {
                continue;
            }
            Facts exact = byKey.get(d.compactKey());
            found[i] = exact != null || d.year() != null ? exact : preferredEdition(works.get(d.compactWorkKey()));
            if (found[i] == null) {
                missingNumbers.add(d.number());
            }
        }

        long t3 = System.nanoTime();
        // 4. replacement chains, walked in memory over the graph read once
        Map<Long, Map<Long, Integer>> newer = new HashMap<>();
        boolean anyFound = false;
        for (Facts f : found) {
            anyFound |= f != null;
        }
        if (anyFound) {
            Map<Long, List<Long>> graph = lookup.replacedBy();
            Set<Long> unknown = new HashSet<>();
            for (Facts f : found) {
                if (f != null && graph.containsKey(f.id()) && !newer.containsKey(f.id())) {
                    Map<Long, Integer> reach = walk(graph, f.id());
                    newer.put(f.id(), reach);
                    reach.keySet().stream().filter(id -> !byId.containsKey(id)).forEach(unknown::add);
                }
            }
            byId.putAll(lookup.byIds(unknown));
        }
        long t4 = System.nanoTime();
        Map<String, List<Facts>> byNumber = lookup.byNumbers(missingNumbers);
        long t5 = System.nanoTime();

        // 5. verdicts
        Suggester suggester = new Suggester();
        List<CheckLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CheckEntry entry = entries.get(i);
            String input = echo(entry.text());
            Reading r = readings[i];
            Designation d = r.designation();
            if (d == null) {
                String reason = messages.getMessage(r.reasonCode(), r.reasonArgs(), r.reasonCode(), locale);
                lines.add(new CheckLine(
                        entry.line(), input, null, Verdict.UNREADABLE, null, null, null, null, reason, r.reasonCode()));
            } else if (found[i] == null) {
                List<Ref> suggestions =
                        suggester.suggest(d, entry.text(), works.get(d.compactWorkKey()), byNumber.get(d.number()));
                lines.add(new CheckLine(
                        entry.line(),
                        input,
                        d.normalized(),
                        Verdict.NOT_FOUND,
                        null,
                        null,
                        null,
                        suggestions,
                        null,
                        null));
            } else {
                lines.add(judge(
                        entry.line(), input, d, found[i], works, newer.getOrDefault(found[i].id(), Map.of()), byId));
            }
        }
        long t6 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug(
                    "check of {} lines: read {} ms, editions {} ms, resolve {} ms, chains {} ms, numbers {} ms,"
                            + " verdicts {} ms (full-text suggestions {} lines, {} ms)",
                    n,
                    ms(t1 - t0),
                    ms(t2 - t1),
                    ms(t3 - t2),
                    ms(t4 - t3),
                    ms(t5 - t4),
                    ms(t6 - t5),
                    suggester.searched,
                    ms(suggester.searchNanos));
        }
        return new CheckReport(checkedAt, lookup.dataDate().orElse(null), CheckSummary.of(lines), lines);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private CheckLine judge(
            int line,
            String input,
            Designation d,
            Facts s,
            Map<String, List<Facts>> works,
            Map<Long, Integer> reach,
            Map<Long, Facts> byId) {
        List<Facts> editions = works.getOrDefault(s.workKey(), List.of());
        String status = s.status() == null ? "" : s.status();
        Ref standard = ref(s);
        switch (status) {
            case "upcoming" -> {
                return new CheckLine(
                        line,
                        input,
                        d.normalized(),
                        Verdict.UPCOMING,
                        standard,
                        null,
                        refs(upcomingSuccessors(s, editions, reach, byId)),
                        null,
                        null,
                        null);
            }
            case "withdrawn" -> {
                List<Facts> replacements = replacements(reach, byId);
                if (!replacements.isEmpty()) {
                    return new CheckLine(
                            line,
                            input,
                            d.normalized(),
                            Verdict.WITHDRAWN_REPLACED,
                            standard,
                            refs(replacements),
                            null,
                            null,
                            null,
                            null);
                }
                // no recorded replacement: point at the edition of the same document in force, if any
                List<Facts> currentEditions = editions.stream()
                        .filter(e -> e.id() != s.id() && e.isCurrent() && plainEdition(e))
                        .sorted(NEWEST_FIRST)
                        .toList();
                return new CheckLine(
                        line,
                        input,
                        d.normalized(),
                        Verdict.WITHDRAWN_NO_REPLACEMENT,
                        standard,
                        null,
                        null,
                        refs(currentEditions),
                        null,
                        null);
            }
            default -> {
                List<Facts> newerCurrent = newerEditions(s, editions, true);
                List<Facts> upcoming = upcomingSuccessors(s, editions, reach, byId);
                if (!newerCurrent.isEmpty()) {
                    return new CheckLine(
                            line,
                            input,
                            d.normalized(),
                            Verdict.EDITION_OUTDATED,
                            standard,
                            refs(newerCurrent),
                            refs(upcoming),
                            null,
                            null,
                            null);
                }
                if (s.isCurrent()) {
                    return new CheckLine(
                            line,
                            input,
                            d.normalized(),
                            Verdict.CURRENT,
                            standard,
                            null,
                            refs(upcoming),
                            null,
                            null,
                            null);
                }
                List<Facts> replacements = reach.isEmpty()
                        ? List.of()
                        : replacements(reach, byId).stream()
                                .filter(Facts::isCurrent)
                                .toList();
                return new CheckLine(
                        line,
                        input,
                        d.normalized(),
                        Verdict.STATUS_UNKNOWN,
                        standard,
                        refs(replacements),
                        refs(upcoming),
                        null,
                        null,
                        null);
            }
        }
    }

    /**
     * The standards to use today at the end of the replacement chains: those in force; else those about to
     * be; else the last ones known.
     */
    private static List<Facts> replacements(Map<Long, Integer> reach, Map<Long, Facts> byId) {
        if (reach.isEmpty()) {
            return List.of();
        }
        List<Facts> all =
                reach.keySet().stream().map(byId::get).filter(Objects::nonNull).toList();
        List<Facts> current =
                all.stream().filter(Facts::isCurrent).sorted(NEWEST_FIRST).toList();
        if (!current.isEmpty()) {
            return current;
        }
        List<Facts> upcoming = all.stream()
                .filter(f -> "upcoming".equals(f.status()))
                .sorted(NEWEST_FIRST)
                .toList();
        if (!upcoming.isEmpty()) {
            return upcoming;
        }
        int furthest = reach.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return all.stream()
                .filter(f -> reach.get(f.id()) == furthest)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /** Published successors not yet in force: along the replacement chain, or newer editions of the same work. */
    private static List<Facts> upcomingSuccessors(
            Facts s, List<Facts> editions, Map<Long, Integer> reach, Map<Long, Facts> byId) {
        Map<Long, Facts> upcoming = new LinkedHashMap<>();
        reach.keySet().stream()
                .map(byId::get)
                .filter(f -> f != null && "upcoming".equals(f.status()))
                .forEach(f -> upcoming.put(f.id(), f));
        newerEditions(s, editions, false).stream()
                .filter(f -> "upcoming".equals(f.status()))
                .forEach(f -> upcoming.putIfAbsent(f.id(), f));
        return upcoming.values().stream().sorted(NEWEST_FIRST).toList();
    }

    /** Later editions of the same work (amendments and drafts aside), the current ones only when asked. */
    private static List<Facts> newerEditions(Facts s, List<Facts> editions, boolean currentOnly) {
        if (s.year() == null) {
            return List.of();
        }
        return editions.stream()
                .filter(e -> e.id() != s.id() && e.year() != null && e.year().compareTo(s.year()) > 0)
                .filter(e -> !currentOnly || e.isCurrent())
                .filter(CheckEngine::plainEdition)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /** An edition itself, not an amendment, corrigendum or draft of it. */
    private static boolean plainEdition(Facts f) {
        return Designation.tryParse(f.designation())
                .map(d -> d.amendments().isEmpty() && d.stage() == null)
                .orElse(false);
    }

    /** Like {@link CatalogService#find}: the edition in force, else the newest. */
    static Facts preferredEdition(List<Facts> editions) {
        if (editions == null || editions.isEmpty()) {
            return null;
        }
        Comparator<Facts> preference = Comparator.comparing(Facts::isCurrent)
                .thenComparing(Facts::year, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        return editions.stream()
                .filter(CheckEngine::plainEdition)
                .max(preference)
                .orElseGet(() -> editions.stream().max(preference).orElseThrow());
    }

    /** Ids reachable towards newer standards, with their smallest distance. */
    static Map<Long, Integer> walk(Map<Long, List<Long>> graph, long start) {
        Map<Long, Integer> depth = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(start);
        depth.put(start, 0);
        while (!queue.isEmpty()) {
            long id = queue.poll();
            int next = depth.get(id) + 1;
            if (next > MAX_CHAIN_DEPTH) {
                continue;
            }
            for (long newer : graph.getOrDefault(id, List.of())) {
                if (!depth.containsKey(newer)) {
                    depth.put(newer, next);
                    queue.add(newer);
                }
            }
        }
        depth.remove(start);
        return depth;
    }

    /** Near designations for a line not in the catalog. */
    private final class Suggester {
        private int searched;
        private long searchNanos;

        List<Ref> suggest(Designation d, String text, List<Facts> sameWork, List<Facts> sameNumber) {
            Map<String, Ref> out = new LinkedHashMap<>();
            if (sameWork != null) {
                sameWork.stream()
                        .filter(CheckEngine::plainEdition)
                        .sorted(CURRENT_THEN_NEWEST)
                        .limit(3)
                        .forEach(f -> out.putIfAbsent(f.designation(), ref(f)));
            }
            if (sameNumber != null) {
                sameNumber.stream()
                        .filter(f -> !f.workKey().equals(d.compactWorkKey()) && Objects.equals(f.part(), d.part()))
                        .filter(CheckEngine::plainEdition)
                        .sorted(Comparator.comparing((Facts f) ->
                                        d.year() == null || !d.year().equals(f.year()))
                                .thenComparing(CURRENT_THEN_NEWEST))
                        .limit(3)
                        .forEach(f -> out.putIfAbsent(f.designation(), ref(f)));
            }
            if (out.isEmpty() && searched < MAX_SEARCHED && searchNanos < SEARCH_BUDGET_NANOS) {
                searched++;
                long start = System.nanoTime();
                String q = text.strip();
                if (q.length() <= StandardSearchQuery.MAX_QUERY_LENGTH) {
                    StandardSearchResult result =
                            catalog.searchHits(StandardSearchQuery.of(q).withPage(0, 3));
                    for (StandardSearchResult.Hit h : result.items()) {
                        out.putIfAbsent(
                                h.designation(),
                                new Ref(
                                        h.designation(),
                                        h.titleZh(),
                                        h.titleEn(),
                                        h.status(),
                                        h.published(),
                                        null,
                                        null));
                    }
                }
                searchNanos += System.nanoTime() - start;
            }
            return out.values().stream().limit(MAX_SUGGESTIONS).toList();
        }
    }

    /**
     * Reads a line. A designation followed by its title ("GB/T 19001-2016 质量管理体系 要求", "ISO 9001:2015
     * Quality management systems", or a tab and anything) is read as the designation.
     */
    static Reading read(String raw) {
        String text = raw == null ? "" : raw.strip();
        Optional<Designation> whole = Designation.tryParse(text);
        if (whole.isPresent()) {
            return new Reading(whole.get(), null, null);
        }
        for (int cut : titleStarts(text)) {
            Optional<Designation> head =
                    Designation.tryParse(text.substring(0, cut).strip());
            if (head.isPresent()) {
                return new Reading(head.get(), null, null);
            }
        }
        try {
            return new Reading(Designation.parse(text), null, null);
        } catch (DesignationParseException e) {
            return new Reading(null, e.messageKey(), e.args());
        }
    }

    /** Where a title may start after a designation: a tab, a CJK character or 《, or a lower-case word. */
    static List<Integer> titleStarts(String text) {
        List<Integer> cuts = new ArrayList<>(2);
        boolean digit = false;
        for (int i = 0; i < text.length() && cuts.size() < 3; i++) {
            char c = text.charAt(i);
            if (digit) {
                boolean cjk = (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '《';
                if (c == '\t' || cjk) {
                    cuts.add(i);
                    break;
                }
                if (Character.isWhitespace(c) && titleWordAt(text, i + 1)) {
                    cuts.add(i);
                }
            }
            digit |= Character.isDigit(c);
        }
        return cuts;
    }

    private static boolean titleWordAt(String text, int i) {
        int letters = 0;
        boolean lower = false;
        while (i < text.length() && Character.isLetter(text.charAt(i)) && text.charAt(i) < 0x3000) {
            lower |= Character.isLowerCase(text.charAt(i));
            letters++;
            i++;
        }
        return letters >= 3 && lower;
    }

    static String echo(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= MAX_INPUT ? t : t.substring(0, MAX_INPUT) + "…";
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

    private static List<Ref> refs(List<Facts> facts) {
        return facts.stream().map(CheckEngine::ref).toList();
    }
}
