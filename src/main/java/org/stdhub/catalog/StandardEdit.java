package org.stdhub.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * What the base office says of one standard when it adds or corrects it by hand: the facts a person edits (the rest
 * of the record — source, publisher, category — stays as it is), why, and for a correction the version it read.
 * Lists are read as given; blank entries are ignored.
 *
 * @param designation the standard's designation (a correction keeps it: a different designation is a different
 *     standard)
 * @param status {@code current}, {@code withdrawn}, {@code upcoming} or blank for none
 * @param published date YYYY, YYYY-MM or YYYY-MM-DD
 * @param replaces designations this standard replaces (each must be in the catalog)
 * @param replacedBy designations that replace this one (each must be in the catalog)
 * @param adoptions international standards this one adopts (each must be in the catalog)
 * @param reason why, in the officer's words (required)
 * @param version the version the officer read (required for a correction; a different one means someone else
 *     changed the standard meanwhile)
 */
public record StandardEdit(
        String designation,
        String titleZh,
        String titleEn,
        String status,
        String published,
        String implemented,
        String withdrawn,
        String committee,
        List<String> ics,
        List<String> ccs,
        List<String> replaces,
        List<String> replacedBy,
        List<AdoptionLink> adoptions,
        String reason,
        Integer version) {

    /** An adoption of an international standard: its designation and the degree (IDT, MOD, NEQ). */
    public record AdoptionLink(String designation, String degree) {}

    public StandardEdit {
        ics = clean(ics);
        ccs = clean(ccs);
        replaces = clean(replaces);
        replacedBy = clean(replacedBy);
        adoptions = adoptions == null
                ? List.of()
                : adoptions.stream()
                        .filter(a -> a != null
                                && a.designation() != null
                                && !a.designation().isBlank())
                        .toList();
    }

    /** What the standard says today, as the edit form starts from it (no reason yet). */
    public static StandardEdit of(Standard s) {
        List<String> replaces = new ArrayList<>();
        List<String> replacedBy = new ArrayList<>();
        for (StandardRelation r : s.getRelations()) {
            switch (r.getKind()) {
                case REPLACES -> replaces.add(r.getTargetDesignation());
                case REPLACED_BY -> replacedBy.add(r.getTargetDesignation());
                default -> {}
            }
        }
        return new StandardEdit(
                s.getDesignation(),
                s.getTitleZh(),
                s.getTitleEn(),
                s.getStatus(),
                s.getPublished(),
                s.getImplemented(),
                s.getWithdrawn(),
                s.getCommittee(),
                List.copyOf(s.getIcs()),
                List.copyOf(s.getCcs()),
                replaces,
                replacedBy,
                s.getAdoptions().stream()
                        .map(a -> new AdoptionLink(
                                a.getInternationalDesignation(), a.getDegree().name()))
                        .toList(),
                null,
                s.getVersion());
    }

    private static List<String> clean(List<String> list) {
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : list) {
            if (s != null && !s.isBlank() && !out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return List.copyOf(out);
    }
}
