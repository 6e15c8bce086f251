package org.stdhub.talent.expert;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;
import org.stdhub.talent.ExpertStatus;
import org.stdhub.talent.Title;

/**
 * The base office's search of the expert database as one query: each filter given adds a condition, all of them
 * must hold. Values arrive checked and normalized ({@code Experts.search}).
 */
public final class ExpertSearch {

    private ExpertSearch() {}

    /**
     * @param text lower case: name, keywords or classes contain it
     * @param field upper case class or its beginning: a class starting with it, or a broader class containing it
     * @param keyword lower case: the keywords contain it
     * @param title the lowest title wanted (titles are listed senior first)
     * @param minYears the fewest years in the field
     * @param region lower case: the region contains it
     * @param availableFrom first day the expert must be available (with {@code availableTo}, both inclusive): none
     *     of their periods of unavailability may touch these days
     * @param availableTo last day; the same as {@code availableFrom} for one day
     * @param status the status
     */
    public static Specification<Expert> of(
            String text,
            String field,
            String keyword,
            Title title,
            Integer minYears,
            String region,
            LocalDate availableFrom,
            LocalDate availableTo,
            ExpertStatus status) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (status != null) {
                all.add(cb.equal(root.get("status"), status));
            }
            if (text != null) {
                String like = "%" + text + "%";
                all.add(cb.or(
                        cb.like(cb.lower(root.get("name")), like),
                        cb.like(cb.lower(root.get("keywords")), like),
                        cb.like(cb.lower(root.get("icsCodes")), like),
                        cb.like(cb.lower(root.get("ccsCodes")), like)));
            }
            if (field != null) {
                // the codes are space-separated: " 25.040.30 " starts a token with " 25.040"
                Expression<String> codes = cb.concat(
                        cb.concat(" ", cb.concat(root.get("icsCodes"), cb.concat(" ", root.get("ccsCodes")))), " ");
                List<Predicate> any = new ArrayList<>();
                any.add(cb.like(codes, "% " + field + "%"));
                for (String broader : broader(field)) {
                    any.add(cb.like(codes, "% " + broader + " %"));
                }
                all.add(cb.or(any.toArray(Predicate[]::new)));
            }
            if (keyword != null) {
                all.add(cb.like(cb.lower(root.get("keywords")), "%" + keyword + "%"));
            }
            if (title != null) {
                List<Title> atLeast = Arrays.stream(Title.values())
                        .filter(t -> t.ordinal() <= title.ordinal())
                        .toList();
                all.add(root.get("title").in(atLeast));
            }
            if (minYears != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("yearsInField"), minYears));
            }
            if (region != null) {
                all.add(cb.like(cb.lower(root.get("region")), "%" + region + "%"));
            }
            if (availableFrom != null) {
                LocalDate to = availableTo == null ? availableFrom : availableTo;
                // no period of the expert [starts, ends or open] overlaps the wanted days:
                // starts <= to and (ends is null or ends >= from)
                Subquery<Long> away = query.subquery(Long.class);
                Root<UnavailablePeriod> period = away.from(UnavailablePeriod.class);
                away.select(period.get("id"))
                        .where(
                                cb.equal(period.get("expert"), root),
                                cb.lessThanOrEqualTo(period.get("startsOn"), to),
                                cb.or(
                                        cb.isNull(period.get("endsOn")),
                                        cb.greaterThanOrEqualTo(period.get("endsOn"), availableFrom)));
                all.add(cb.not(cb.exists(away)));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** The broader ICS classes of a class: 25.040.30 → 25.040, 25. */
    static List<String> broader(String field) {
        List<String> out = new ArrayList<>();
        String c = field.toUpperCase(Locale.ROOT);
        for (int dot = c.lastIndexOf('.'); dot > 0; dot = c.lastIndexOf('.')) {
            c = c.substring(0, dot);
            out.add(c);
        }
        return out;
    }
}
