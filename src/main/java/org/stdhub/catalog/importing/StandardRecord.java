package org.stdhub.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.stdhub.catalog.Designation;

/** One validated line of a catalog import: what will be written for one standard. */
record StandardRecord(
        Designation designation,
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
        String source,
        List<String> ics,
        List<String> ccs,
        List<Relation> relations,
        List<AdoptionLink> adoptions) {

    record Relation(String kind, String targetDesignation, String targetKey) {}

    record AdoptionLink(String designation, String key, String degree) {}

    /** A digest of everything the record says; equal digests mean a re-import changes nothing. */
    String contentHash() {
        StringBuilder s = new StringBuilder(512);
        for (Object field : new Object[] {
            designation.normalized(),
            docType,
            publisher,
            titleZh,
            titleEn,
            status,
            statusRaw,
            published,
            implemented,
            implementedNote,
            withdrawn,
            committee,
            category,
            source,
            ics,
            ccs
        }) {
            s.append(field).append('\u0001');
        }
        relations.forEach(r ->
                s.append(r.kind()).append(':').append(r.targetDesignation()).append('\u0001'));
        adoptions.forEach(
                a -> s.append(a.degree()).append(':').append(a.designation()).append('\u0001'));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
