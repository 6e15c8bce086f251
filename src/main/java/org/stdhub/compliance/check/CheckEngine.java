package org.stdhub.compliance.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.catalog.StandardLookup.Facts;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.CheckSummary;

/**
 * Works out the verdict of every line of a list in bulk: all lines are read first ({@link LineReading}), then the
 * catalog is read in a handful of queries ({@link CatalogSnapshot}: editions by work key, the replacement graph
 * once, successors by id, near numbers for what was not found), the replacement chains are walked in memory
 * ({@link ReplacementGraph}) and each line is judged ({@link VerdictRules}) or given near designations
 * ({@link Suggestions}). A 10,000-line list costs about as many queries as a 10-line one.
 */
@Component
public class CheckEngine {

    private static final Logger log = LoggerFactory.getLogger(CheckEngine.class);

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

    public CheckReport check(List<CheckEntry> entries, Locale locale) {
        var checkedAt = clock.instant();
        int n = entries.size();
        long t0 = System.nanoTime();

        // 1. read every line
        LineReading[] readings = new LineReading[n];
        List<Designation> named = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            readings[i] = LineReading.of(entries.get(i).text());
            if (readings[i].readable()) {
                named.add(readings[i].designation());
            }
        }

        long t1 = System.nanoTime();
        // 2. every edition of every work named, in one pass (chunks of keys)
        CatalogSnapshot snapshot = CatalogSnapshot.editionsOf(lookup, named);

        long t2 = System.nanoTime();
        // 3. the standard each line names
        Facts[] found = new Facts[n];
        Set<String> missingNumbers = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Designation d = readings[i].designation();
            if (d != null) {
                found[i] = snapshot.named(d);
                if (found[i] == null) {
                    missingNumbers.add(d.number());
                }
            }
        }

        long t3 = System.nanoTime();
        // 4. replacement chains, walked in memory over the graph read once
        snapshot.readChains(
                java.util.Arrays.stream(found).filter(Objects::nonNull).toList());
        long t4 = System.nanoTime();
        snapshot.readNumbers(missingNumbers);
        long t5 = System.nanoTime();

        // 5. verdicts
        Suggestions suggestions = new Suggestions(catalog);
        List<CheckLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CheckEntry entry = entries.get(i);
            String input = LineReading.echo(entry.text());
            LineReading r = readings[i];
            Designation d = r.designation();
            if (d == null) {
                String reason = messages.getMessage(r.reasonCode(), r.reasonArgs(), r.reasonCode(), locale);
                lines.add(CheckLine.unreadable(entry.line(), input, reason, r.reasonCode()));
            } else if (found[i] == null) {
                lines.add(CheckLine.notFound(
                        entry.line(),
                        input,
                        d.normalized(),
                        suggestions.suggest(
                                d, entry.text(), snapshot.work(d.compactWorkKey()), snapshot.withNumber(d.number()))));
            } else {
                Facts s = found[i];
                List<Facts> editions = snapshot.work(s.workKey());
                lines.add(VerdictRules.judge(
                        entry.line(),
                        input,
                        d.normalized(),
                        s,
                        editions == null ? List.of() : editions,
                        snapshot.newerThan(s),
                        snapshot.byId()));
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
                    suggestions.searched(),
                    ms(suggestions.searchNanos()));
        }
        return new CheckReport(checkedAt, lookup.dataDate().orElse(null), CheckSummary.of(lines), lines);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
