package org.stdhub.development;

/**
 * What another module shows when it names a project: its number and title, the stage and the designation once it
 * is assigned. The project's page is {@code /projects/{id}}.
 *
 * @param designation the designation (T/XXX n—yyyy) once assigned, else null
 * @param stage the harmonized stage code (e.g. 20.00)
 */
public record ProjectReference(
        long id, String alliancePrefix, String titleZh, String titleEn, String designation, String stage) {}
