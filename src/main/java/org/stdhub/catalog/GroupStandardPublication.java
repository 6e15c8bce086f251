package org.stdhub.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.importing.ImportReport;
import org.stdhub.catalog.importing.StandardImporter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How another module (development) publishes a group standard into the catalog: as one record through the
 * importer's own path, so the standard is stored, linked (replacement, adoption), indexed for search and announced
 * with {@link CatalogUpdated} like every imported standard — no other module writes the catalog's tables. Publishing
 * the same designation again updates it (the importer's upsert), which makes a retried publication harmless.
 */
@Service
public class GroupStandardPublication {

    /**
     * A group standard to publish.
     *
     * @param designation e.g. "T/ZLX 3-2026" (a group standard's designation)
     * @param replaces the designation of the standard it replaces, or null
     * @param adopted the international standard it adopts, or null
     * @param degree IDT, MOD or NEQ when {@code adopted} is given
     * @param source where the record comes from, e.g. "stdhub:development/project/12"
     */
    public record GroupStandard(
            String designation,
            String titleZh,
            String titleEn,
            LocalDate published,
            LocalDate implemented,
            String replaces,
            String adopted,
            String degree,
            String source) {

        public GroupStandard {
            Objects.requireNonNull(designation);
            Objects.requireNonNull(titleZh);
            Objects.requireNonNull(published);
            Objects.requireNonNull(implemented);
            Objects.requireNonNull(source);
        }
    }

    /** The standard as the catalog now holds it: designation, status (current or upcoming) and the import batch. */
    public record Published(String designation, String status, long importBatchId) {}

    private final StandardImporter importer;
    private final StandardRepository standards;
    private final Clock clock;
    private final JsonMapper mapper = JsonMapper.builder().build();

    private final TransactionTemplate reading;

    GroupStandardPublication(
            StandardImporter importer, StandardRepository standards, TransactionTemplate tx, Clock clock) {
        this.importer = importer;
        this.standards = standards;
        this.reading = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.reading.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Withdraws a group standard the catalog holds because {@code replacement} replaces it: the same record, now
     * withdrawn on {@code withdrawnOn} and linked to its replacement (the importer's path, so watchers hear of it).
     * Must not run inside a caller's transaction.
     *
     * @return false when the catalog does not hold {@code designation} (nothing to withdraw)
     * @throws IllegalArgumentException when {@code designation} is not a group standard
     */
    public boolean withdrawReplaced(String designation, String replacement, LocalDate withdrawnOn) {
        Designation d = Designation.parse(designation);
        if (d.kind() != StandardKind.GROUP) {
            throw new IllegalArgumentException("not a group standard: " + designation);
        }
        ObjectNode record = reading.execute(status -> standards
                .findByDesignationKey(d.compactKey())
                .map(old -> withdrawn(old, replacement, withdrawnOn))
                .orElse(null));
        if (record == null) {
            return false;
        }
        importRecord(record, d);
        return true;
    }

    /** The record of {@code old} as it is, withdrawn and replaced by {@code replacement}. */
    private ObjectNode withdrawn(Standard old, String replacement, LocalDate withdrawnOn) {
        ObjectNode record = mapper.createObjectNode();
        record.put("id_raw", old.getDesignation());
        putIf(record, "doctype", old.getDocType());
        putIf(record, "publisher", old.getPublisher());
        putIf(record, "title_zh", old.getTitleZh());
        putIf(record, "title_en", old.getTitleEn());
        record.put("status", "withdrawn");
        putIf(record, "published", old.getPublished());
        putIf(record, "implemented", old.getImplemented() != null ? old.getImplemented() : old.getImplementedNote());
        record.put("withdrawn", withdrawnOn.toString());
        putIf(record, "tc", old.getCommittee());
        putIf(record, "category", old.getCategory());
        record.put("source", old.getSource());
        old.getIcs().forEach(code -> record.withArray("ics").add(code));
        old.getCcs().forEach(code -> record.withArray("ccs").add(code));
        for (StandardRelation r : old.getRelations()) {
            String field = switch (r.getKind()) {
                case REPLACES -> "replaces";
                case REPLACED_BY -> "replaced_by";
                case AMENDED_BY -> "amended_by";
            };
            if (!(r.getKind() == StandardRelation.Kind.REPLACED_BY
                    && r.getTargetDesignation().equals(replacement))) {
                record.withArray(field).add(r.getTargetDesignation());
            }
        }
        record.withArray("replaced_by").add(Designation.parse(replacement).normalized());
        for (Adoption a : old.getAdoptions()) {
            record.withArray("adoption")
                    .addObject()
                    .put("designation", a.getInternationalDesignation())
                    .put("degree", a.getDegree().name());
        }
        return record;
    }

    private static void putIf(ObjectNode record, String field, String value) {
        if (value != null) {
            record.put(field, value);
        }
    }

    /** Publishes (or republishes) the standard; must not run inside a caller's transaction (the import commits). */
    public Published publish(GroupStandard s) {
        Designation d = Designation.parse(s.designation());
        if (d.kind() != StandardKind.GROUP) {
            throw new IllegalArgumentException("not a group standard: " + s.designation());
        }
        String status = s.implemented().isAfter(LocalDate.now(clock)) ? "upcoming" : "current";
        ObjectNode record = mapper.createObjectNode();
        record.put("id_raw", d.normalized());
        record.put("title_zh", s.titleZh());
        if (s.titleEn() != null) {
            record.put("title_en", s.titleEn());
        }
        record.put("status", status);
        record.put("published", s.published().toString());
        record.put("implemented", s.implemented().toString());
        record.put("publisher", d.prefix());
        record.put("source", s.source());
        if (s.replaces() != null) {
            record.putArray("replaces").add(s.replaces());
        }
        if (s.adopted() != null) {
            ArrayNode adoption = record.putArray("adoption");
            adoption.addObject().put("designation", s.adopted()).put("degree", s.degree());
        }
        long batch = importRecord(record, d);
        return new Published(d.normalized(), status, batch);
    }

    private long importRecord(ObjectNode record, Designation d) {
        byte[] line = mapper.writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
        ImportReport report;
        try {
            report =
                    importer.importStream(new ByteArrayInputStream(line), "publication " + d.normalized(), line.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (report.rejected() > 0) {
            List<String> why = report.problems().stream().map(Object::toString).toList();
            throw new IllegalStateException("the catalog refused " + d.normalized() + ": " + why);
        }
        return report.batchId();
    }
}
