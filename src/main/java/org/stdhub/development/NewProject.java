package org.stdhub.development;

/**
 * A proposal for a project.
 *
 * @param kind new, revision or adoption
 * @param adoptionDegree IDT, MOD or NEQ for an adoption, else null
 * @param baseDesignation the catalog standard revised or the international standard adopted (picked from the
 *     catalog), else null
 */
public record NewProject(
        long allianceId,
        String titleZh,
        String titleEn,
        String scope,
        ProjectKind kind,
        AdoptionDegree adoptionDegree,
        String baseDesignation) {}
