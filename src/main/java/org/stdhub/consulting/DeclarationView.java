package org.stdhub.consulting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A declaration as its current version shows it, with the flags raised on it since and the earlier versions.
 *
 * @param flags withdrawals and replacements of its catalog standards since this version was declared (empty once the
 *     declaration is updated)
 */
public record DeclarationView(
        long id,
        long organizationId,
        String organizationName,
        String product,
        String productClass,
        int version,
        String description,
        Instant declaredAt,
        String declaredBy,
        boolean demo,
        List<Standard> standards,
        List<Indicator> indicators,
        List<Indicator> mandatoryIndicators,
        List<Flag> flags,
        List<VersionEntry> versions) {

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /**
     * A declared standard.
     *
     * @param kind {@code CATALOG} or {@code ENTERPRISE}
     * @param verdict what the validity check said when it was declared (catalog standards), e.g. {@code current}
     * @param advice what the check advised (the current edition) when it warned, else null
     */
    public record Standard(String kind, String designation, String title, String verdict, String advice) {

        public boolean enterprise() {
            return "ENTERPRISE".equals(kind);
        }
    }

    /** A declared indicator (performance: value and direction; mandatory: requirement, standard and test method). */
    public record Indicator(
            String name,
            BigDecimal value,
            String requirement,
            String unit,
            IndicatorDirection direction,
            String standard,
            String testMethod) {}

    /** A catalog change that concerns a declared standard: {@code WITHDRAWN} or {@code REPLACED} (by related). */
    public record Flag(String kind, String standardDesignation, String relatedDesignation, Instant raisedAt) {

        public String messageKey() {
            return "consulting.flag." + kind + (relatedDesignation == null ? "" : ".related");
        }
    }

    /** One version of the declaration: its number, when and by whom, and its standards. */
    public record VersionEntry(int number, Instant declaredAt, String declaredBy, List<String> standards) {}

    /** A line of the public listing. */
    public record Summary(
            long id,
            String organizationName,
            String product,
            String productClass,
            int version,
            Instant declaredAt,
            List<String> standards,
            boolean flagged,
            boolean demo) {}
}
