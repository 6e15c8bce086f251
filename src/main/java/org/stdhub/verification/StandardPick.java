package org.stdhub.verification;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.catalog.StandardRef;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.platform.UserFacingException;

/**
 * Picks a standard from the catalog by the designation a person typed: the edition named (or, without a year, the
 * one in force, else the newest). A withdrawn edition is refused, naming what replaces it today; an edition not in
 * force, or one with a newer edition, is accepted with a warning.
 */
@Component
class StandardPick {

    /** The standard picked, with a warning (message key and argument) or none. */
    record Picked(String designation, String key, String title, String status, String warningKey, String warningArg) {

        /** The warning as stored: "key|argument". */
        String storedWarning() {
            return warningKey == null ? null : warningKey + "|" + (warningArg == null ? "" : warningArg);
        }
    }

    private final StandardLookup lookup;
    private final CatalogService catalog;

    StandardPick(StandardLookup lookup, CatalogService catalog) {
        this.lookup = lookup;
        this.catalog = catalog;
    }

    Picked pick(String typed) {
        String text = typed == null ? "" : typed.strip();
        Designation d = Designation.tryParse(text)
                .orElseThrow(() -> new UserFacingException("verification.conformity.error.designation", text));
        List<StandardLookup.Facts> editions =
                lookup.byWorkKeys(List.of(d.compactWorkKey())).getOrDefault(d.compactWorkKey(), List.of());
        Optional<StandardLookup.Facts> chosen = d.year() != null
                ? Optional.ofNullable(
                        lookup.byDesignationKeys(List.of(d.compactKey())).get(d.compactKey()))
                : editions.stream()
                        .filter(StandardLookup.Facts::isCurrent)
                        .findFirst()
                        .or(() -> editions.stream().max(byYear()));
        StandardLookup.Facts f = chosen.orElseThrow(
                () -> new UserFacingException("verification.conformity.error.not-in-catalog", d.normalized()));
        String title = f.titleZh() != null ? f.titleZh() : f.titleEn();
        if (StandardStatus.WITHDRAWN.is(f.status())) {
            throw new UserFacingException(
                    "verification.conformity.error.withdrawn", f.designation(), replacementOf(f, editions));
        }
        Optional<StandardLookup.Facts> newer = editions.stream()
                .filter(e -> e.year() != null && f.year() != null && e.year().compareTo(f.year()) > 0)
                .max(byYear());
        if (newer.isPresent()) {
            return new Picked(
                    f.designation(),
                    f.designationKey(),
                    title,
                    f.status(),
                    "verification.conformity.warning.newer-edition",
                    newer.get().designation());
        }
        if (!f.isCurrent()) {
            return new Picked(
                    f.designation(),
                    f.designationKey(),
                    title,
                    f.status(),
                    "verification.conformity.warning.not-in-force",
                    f.status() == null ? "?" : f.status());
        }
        return new Picked(f.designation(), f.designationKey(), title, f.status(), null, null);
    }

    /** What replaces a withdrawn edition today: the chain's standards in force, else the work's current edition. */
    private String replacementOf(StandardLookup.Facts f, List<StandardLookup.Facts> editions) {
        List<StandardRef> replacements = catalog.currentReplacements(Designation.parse(f.designation()));
        if (!replacements.isEmpty()) {
            return replacements.stream().map(StandardRef::designation).collect(Collectors.joining(", "));
        }
        return editions.stream()
                .filter(StandardLookup.Facts::isCurrent)
                .map(StandardLookup.Facts::designation)
                .findFirst()
                .orElse("—");
    }

    private static Comparator<StandardLookup.Facts> byYear() {
        return Comparator.comparing(StandardLookup.Facts::year, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
