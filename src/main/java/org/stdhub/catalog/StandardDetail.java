package org.stdhub.catalog;

import java.util.List;

/** Everything the catalog knows of one standard, read from the database. */
public record StandardDetail(
        String designation,
        String body,
        String prefix,
        String kind,
        String docType,
        String publisher,
        String titleZh,
        String titleEn,
        String status,
        String statusRaw,
        String published,
        String implemented,
        String implementedNote,
        String withdrawn,
        String committee,
        String category,
        List<ClassRef> ics,
        List<ClassRef> ccs,
        List<StandardRef> replaces,
        List<StandardRef> replacedBy,
        List<StandardRef> amendedBy,
        List<AdoptionRef> adoptions,
        List<AdoptionRef> adoptedBy,
        List<ChainLink> replacementChain,
        List<StandardRef> otherEditions,
        Provenance provenance,
        List<StandardChange> history) {

    /** A classification code with its title. */
    public record ClassRef(String code, String titleZh, String titleEn) {}

    /** An adoption link: the other standard and the degree of correspondence. */
    public record AdoptionRef(StandardRef standard, String degree) {}

    /** One step of the replacement timeline; {@code self} marks the standard being shown. */
    public record ChainLink(StandardRef standard, int position, boolean self) {}

    /**
     * Where the record came from, under which licence, and in which import; {@code merged}: the fields other
     * sources added where the record lacked them (empty when none).
     */
    public record Provenance(
            String source, String licence, String licenceNote, Long importBatch, List<MergedSource> merged) {}

    /** Fields a second source added to the record ({@code standard_source}): "ics, ccs from github:…". */
    public record MergedSource(String source, String licence, List<String> fields, long importBatch) {}
}
