package org.stdhub.catalog;

import java.util.stream.Collectors;

/** One standard as a flat row of an export (CSV, Excel). */
public record ExportRow(
        String designation,
        String titleZh,
        String titleEn,
        String status,
        String kind,
        String published,
        String implemented,
        String withdrawn,
        String ics,
        String ccs,
        String committee,
        String replaces,
        String replacedBy,
        String adoptions,
        String source) {

    static ExportRow of(Standard s) {
        return new ExportRow(
                s.getDesignation(),
                s.getTitleZh(),
                s.getTitleEn(),
                s.getStatus(),
                s.getKind().code(),
                s.getPublished(),
                s.getImplemented(),
                s.getWithdrawn(),
                String.join("; ", s.getIcs()),
                String.join("; ", s.getCcs()),
                s.getCommittee(),
                relations(s, StandardRelation.Kind.REPLACES),
                relations(s, StandardRelation.Kind.REPLACED_BY),
                s.getAdoptions().stream()
                        .map(a -> a.getInternationalDesignation() + " " + a.getDegree())
                        .collect(Collectors.joining("; ")),
                s.getSource());
    }

    private static String relations(Standard s, StandardRelation.Kind kind) {
        return s.getRelations().stream()
                .filter(r -> r.getKind() == kind)
                .map(StandardRelation::getTargetDesignation)
                .collect(Collectors.joining("; "));
    }

    public static final String[] HEADERS = {
        "designation",
        "title_zh",
        "title_en",
        "status",
        "kind",
        "published",
        "implemented",
        "withdrawn",
        "ics",
        "ccs",
        "committee",
        "replaces",
        "replaced_by",
        "adoptions",
        "source"
    };

    public String[] values() {
        return new String[] {
            designation,
            titleZh,
            titleEn,
            status,
            kind,
            published,
            implemented,
            withdrawn,
            ics,
            ccs,
            committee,
            replaces,
            replacedBy,
            adoptions,
            source
        };
    }
}
