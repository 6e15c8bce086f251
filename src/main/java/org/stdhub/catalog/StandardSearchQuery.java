package org.stdhub.catalog;

import java.util.List;

/**
 * A catalog search: free text (designations in any sloppy form, Chinese or English title words) and
 * filters. Values are validated by {@link #validated()} before use.
 */
public record StandardSearchQuery(
        String q,
        List<String> status,
        List<String> body,
        List<String> kind,
        String ics,
        String ccs,
        Integer from,
        Integer to,
        Sort sort,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 500;
    /** Words (runs of letters or digits) a search text may have. */
    public static final int MAX_WORDS = 64;
    /** Results reachable by paging: page × size + size at most this (as many as an export gives). */
    public static final int MAX_WINDOW = 10_000;

    /** The statuses a search can filter on: every {@link StandardStatus}, and {@code unknown} for none. */
    public static final List<String> STATUSES = java.util.stream.Stream.concat(
                    StandardStatus.codes().stream(), java.util.stream.Stream.of("unknown"))
            .toList();

    /** Result order. */
    public enum Sort {
        RELEVANCE,
        DATE,
        DESIGNATION;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StandardSearchQuery {
        q = q == null ? "" : q.strip();
        status = status == null ? List.of() : List.copyOf(status);
        body = body == null ? List.of() : List.copyOf(body);
        kind = kind == null ? List.of() : List.copyOf(kind);
        ics = ics == null || ics.isBlank() ? null : ics.strip();
        ccs = ccs == null || ccs.isBlank() ? null : ccs.strip();
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    public static StandardSearchQuery of(String q) {
        return new StandardSearchQuery(q, null, null, null, null, null, null, null, null, 0, 20);
    }

    public StandardSearchQuery withPage(int page, int size) {
        return new StandardSearchQuery(q, status, body, kind, ics, ccs, from, to, sort, page, size);
    }

    /** Checks every parameter; throws {@link InvalidSearchException} naming the first bad one. */
    public StandardSearchQuery validated() {
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidSearchException("q", "search.error.q-too-long", MAX_QUERY_LENGTH);
        }
        // every word becomes a clause in each searched field: hundreds of them exceed what Lucene allows
        if (words(q) > MAX_WORDS) {
            throw new InvalidSearchException("q", "search.error.q-too-complex");
        }
        if (page < 0) {
            throw new InvalidSearchException("page", "search.error.page-negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchException("size", "search.error.size", MAX_SIZE);
        }
        // Lucene collects every hit before the page asked for: deep pages cost memory, so they end here
        if ((long) page * size + size > MAX_WINDOW) {
            throw new InvalidSearchException("page", "search.error.page-too-large", MAX_WINDOW / size - 1);
        }
        for (String s : status) {
            if (!STATUSES.contains(s)) {
                throw new InvalidSearchException("status", "search.error.status", s, String.join(", ", STATUSES));
            }
        }
        for (String k : kind) {
            try {
                StandardKind.fromCode(k);
            } catch (IllegalArgumentException e) {
                throw new InvalidSearchException("kind", "search.error.kind", k);
            }
        }
        if (ics != null && !ics.matches("\\d{2}(\\.\\d{3}(\\.\\d{2})?)?")) {
            throw new InvalidSearchException("ics", "search.error.ics", ics);
        }
        if (ccs != null && !ccs.matches("[A-HJ-NP-Z](\\d{2}(/\\d{2})?)?")) {
            throw new InvalidSearchException("ccs", "search.error.ccs", ccs);
        }
        if (from != null && (from < 1000 || from > 9999)) {
            throw new InvalidSearchException("from", "search.error.year", from);
        }
        if (to != null && (to < 1000 || to > 9999)) {
            throw new InvalidSearchException("to", "search.error.year", to);
        }
        if (from != null && to != null && from > to) {
            throw new InvalidSearchException("from", "search.error.year-range", from, to);
        }
        return this;
    }

    /** Runs of letters or digits in the text. */
    static int words(String text) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }
}
