package org.stdhub.development;

/** A project moved from one stage to another (published with the change, in its transaction). */
public record ProjectStageChanged(
        long projectId, long allianceId, String transition, String fromStage, String toStage, String actor) {}
