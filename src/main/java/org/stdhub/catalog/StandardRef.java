package org.stdhub.catalog;

/**
 * A short reference to a standard: enough to list and link it, and to say when it comes into force ({@code
 * implemented}, null when unknown). {@code inCatalog} is false for text-only links.
 */
public record StandardRef(
        String designation,
        String titleZh,
        String titleEn,
        String status,
        String published,
        boolean inCatalog,
        String implemented) {

    static StandardRef of(Standard s) {
        return new StandardRef(
                s.getDesignation(),
                s.getTitleZh(),
                s.getTitleEn(),
                s.getStatus(),
                s.getPublished(),
                true,
                s.getImplemented());
    }

    static StandardRef textOnly(String designation) {
        return new StandardRef(designation, null, null, null, null, false, null);
    }
}
