package org.stdhub.talent.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.talent.ExpertForms;
import org.stdhub.talent.ExpertStatus;
import org.stdhub.talent.Title;

/**
 * The base office's search as the page and the API receive it (every parameter as written, so that a wrong one is
 * refused with its own message instead of a binding error): text {@code q}, {@code field}, {@code keyword},
 * {@code title}, {@code minYears}, {@code region}, {@code availableFrom}, {@code availableTo} (ISO dates),
 * {@code status}, {@code page} (from 0) and {@code size}.
 */
record ExpertQuery(
        String q,
        String field,
        String keyword,
        String title,
        String minYears,
        String region,
        String availableFrom,
        String availableTo,
        String status,
        String page,
        String size) {

    static final int DEFAULT_SIZE = 50;

    /** The filter, or 400 naming each parameter that cannot be read. */
    ExpertForms.Filter filter() {
        var errors = new InvalidInputException.Collector();
        Title t = parse(
                title, "title", "talent.error.filter-title", s -> Title.valueOf(s.toUpperCase(Locale.ROOT)), errors);
        ExpertStatus st = parse(
                status,
                "status",
                "talent.error.filter-status",
                s -> ExpertStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                errors);
        Integer years = parse(minYears, "minYears", "talent.error.years", Integer::valueOf, errors);
        LocalDate from = parse(availableFrom, "availableFrom", "talent.error.filter-date", LocalDate::parse, errors);
        LocalDate to = parse(availableTo, "availableTo", "talent.error.filter-date", LocalDate::parse, errors);
        pageNumber(errors);
        pageSize(errors);
        errors.throwIfAny();
        return new ExpertForms.Filter(q, field, keyword, t, years, region, from, to, st);
    }

    int pageNumber() {
        return pageNumber(new InvalidInputException.Collector());
    }

    int pageSize() {
        return pageSize(new InvalidInputException.Collector());
    }

    private int pageNumber(InvalidInputException.Collector errors) {
        Integer n = parse(page, "page", "talent.error.page", Integer::valueOf, errors);
        return n == null ? 0 : n;
    }

    private int pageSize(InvalidInputException.Collector errors) {
        Integer n = parse(size, "size", "talent.error.page-size", Integer::valueOf, errors);
        return n == null ? DEFAULT_SIZE : n;
    }

    /** The filter's parameters (without page and size) that are set, for links to exports and other pages. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", q);
        put(p, "field", field);
        put(p, "keyword", keyword);
        put(p, "title", title);
        put(p, "minYears", minYears);
        put(p, "region", region);
        put(p, "availableFrom", availableFrom);
        put(p, "availableTo", availableTo);
        put(p, "status", status);
        return p;
    }

    /** {@code path} with this filter, and {@code page} when not null. */
    String link(String path, Integer pageNumber) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        parameters().forEach(b::queryParam);
        if (pageNumber != null) {
            b.queryParam("page", pageNumber);
            if (size != null && !size.isBlank()) {
                b.queryParam("size", size.strip());
            }
        }
        return b.encode().build().toUriString();
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null && !value.isBlank()) {
            p.put(name, value.strip());
        }
    }

    private static <T> T parse(
            String raw, String name, String key, Function<String, T> reader, InvalidInputException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return reader.apply(raw.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(name, key);
            return null;
        }
    }
}
