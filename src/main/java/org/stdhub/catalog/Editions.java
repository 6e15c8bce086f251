package org.stdhub.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog's rules over the editions of one work (same designation without year): which one a designation
 * without year means, which are plain editions, and their order. One instance per kind of view on a standard
 * ({@link #STANDARDS} for entities, {@link #FACTS} for {@link StandardLookup.Facts}).
 *
 * @param <T> the view on a standard
 */
public final class Editions<T> {

    public static final Editions<Standard> STANDARDS =
            new Editions<>(Standard::getDesignation, Standard::getYear, Standard::getStatus);

    public static final Editions<StandardLookup.Facts> FACTS =
            new Editions<>(StandardLookup.Facts::designation, StandardLookup.Facts::year, StandardLookup.Facts::status);

    private final Function<T, String> designation;
    private final Function<T, String> year;
    private final Function<T, String> status;

    private Editions(Function<T, String> designation, Function<T, String> year, Function<T, String> status) {
        this.designation = designation;
        this.year = year;
        this.status = status;
    }

    public boolean inForce(T edition) {
        return StandardStatus.CURRENT.is(status.apply(edition));
    }

    public boolean hasStatus(T edition, StandardStatus wanted) {
        return wanted.is(status.apply(edition));
    }

    /** An edition itself, not an amendment, corrigendum or draft of it. */
    public boolean plain(T edition) {
        return Designation.tryParse(designation.apply(edition))
                .map(d -> d.amendments().isEmpty() && d.stage() == null)
                .orElse(false);
    }

    /** Undated editions first, then by year from the newest, then by designation. */
    public Comparator<T> newestFirst() {
        return Comparator.comparing(year, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .reversed()
                .thenComparing(designation);
    }

    /** The editions in force before the others, each group {@link #newestFirst()}. */
    public Comparator<T> inForceThenNewest() {
        return Comparator.comparing((T e) -> !inForce(e)).thenComparing(newestFirst());
    }

    /**
     * The edition a designation without year means: the one in force, else the newest (on a tie, the first given).
     *
     * <p>The validity check passes {@code skipAmendmentsAndDrafts}: a list line "GB/T 1" names the standard, not a
     * draft or an amendment that happens to be the newest entry of its work, so those count only when the work has
     * nothing else. The catalog's own look-up ({@link CatalogService#find}) does not skip them: a person typing a
     * designation on the site lands on whatever the catalog holds, as it always did.
     */
    public Optional<T> preferred(Collection<T> editions, boolean skipAmendmentsAndDrafts) {
        if (editions == null || editions.isEmpty()) {
            return Optional.empty();
        }
        Comparator<T> preference = Comparator.comparing(this::inForce)
                .thenComparing(year, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        if (skipAmendmentsAndDrafts) {
            Optional<T> plain = editions.stream().filter(this::plain).max(preference);
            if (plain.isPresent()) {
                return plain;
            }
        }
        return editions.stream().max(preference);
    }
}
