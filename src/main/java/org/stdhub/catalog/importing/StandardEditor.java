package org.stdhub.catalog.importing;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.CatalogUpdated;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.Standard;
import org.stdhub.catalog.StandardEdit;
import org.stdhub.catalog.StandardNotFoundException;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.catalog.search.CatalogIndexer;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The base office adds a standard to the catalog or corrects one by hand (a new DB41 local standard, a corrected
 * date, a withdrawal with its replacement, an adoption link). An edit is validated like an import line — the same
 * reader ({@link StandardRecordReader}: designation engine, statuses, dates, codes) after checks that speak the
 * officer's language (relation targets in the catalog, dates in order, a reason) — and is then written like an
 * import of one record: its own finished import batch, the same table writes, a change log entry and {@link
 * CatalogUpdated}, so watchers are alerted exactly as after an import. Who and why are kept beside it ({@code
 * standard_edit}) and in the audit trail. A correction names the version it read: a standard changed since is a
 * conflict (409), never silently overwritten.
 */
@Service
public class StandardEditor {

    /** The source of a standard the base office adds by hand. */
    public static final String SOURCE = "stdhub:base-office";

    static final String BATCH_PREFIX = "edit: ";

    private static final Pattern DATE = Pattern.compile("^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$");
    private static final Pattern ICS = Pattern.compile("^\\d{2}(\\.\\d{3}(\\.\\d{2})?)?$");
    private static final Pattern CCS = Pattern.compile("^[A-HJ-NP-Z](\\d{2})?$");
    private static final Set<String> DEGREES = Set.of("IDT", "MOD", "NEQ", "EQV");
    static final int MAX_REASON = 1000;

    /** What an edit did: the standard's designation, the batch that carries its change, the new version. */
    public record Edited(String designation, long batchId, int version, boolean added) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StandardTable table;
    private final CatalogChangeLog changeLog;
    private final CatalogIndexer indexer;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StandardRecordReader reader = new StandardRecordReader();
    private final JsonMapper mapper = JsonMapper.builder().build();

    StandardEditor(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            StandardTable table,
            CatalogChangeLog changeLog,
            CatalogIndexer indexer,
            CatalogService catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.table = table;
        this.changeLog = changeLog;
        this.indexer = indexer;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a standard that is not in the catalog yet.
     *
     * @throws InvalidInputException field by field when the edit breaks a rule
     * @throws ConflictException when the catalog has this standard already
     */
    @PreAuthorize("hasAnyRole('BASE_OFFICER','ADMIN')")
    public Edited add(StandardEdit edit) {
        Designation designation = check(edit, true);
        Edited edited = tx.execute(status -> {
            if (catalog.find(designation)
                    .filter(s -> s.getDesignationKey().equals(designation.compactKey()))
                    .isPresent()) {
                throw new ConflictException("catalog.edit.error.exists", designation.normalized());
            }
            StandardRecord record = record(edit, designation, null);
            return write(record, null, NOTHING, edit.reason().strip());
        });
        reindex(edited);
        return edited;
    }

    /**
     * Corrects a standard in the catalog, found by the designation as a person typed it.
     *
     * @throws StandardNotFoundException when there is no such standard
     * @throws ConflictException when it changed since {@code edit.version()} was read
     */
    @PreAuthorize("hasAnyRole('BASE_OFFICER','ADMIN')")
    public Edited correct(String designationText, StandardEdit edit) {
        Edited edited = tx.execute(status -> {
            Standard existing = exact(designationText);
            if (edit.designation() != null
                    && !edit.designation().isBlank()
                    && !Designation.tryParse(edit.designation())
                            .map(d -> d.compactKey().equals(existing.getDesignationKey()))
                            .orElse(false)) {
                throw new InvalidInputException(Map.of("designation", "catalog.edit.error.designation-changed"));
            }
            Designation designation = Designation.parse(existing.getDesignation());
            check(withDesignation(edit, existing.getDesignation()), false);
            Integer current = jdbc.queryForObject(
                    "select version from standard where id = ? for update", Integer.class, existing.getId());
            if (!Objects.equals(current, edit.version())) {
                throw new ConflictException("catalog.edit.error.stale", existing.getDesignation());
            }
            StandardRecord record = record(edit, designation, existing);
            if (record.contentHash().equals(existing.getContentHash())) {
                throw new UserFacingException("catalog.edit.error.unchanged");
            }
            return write(
                    record, existing, StandardEdit.of(existing), edit.reason().strip());
        });
        reindex(edited);
        return edited;
    }

    /** What the standard with exactly this designation says today, as the correction form starts from it. */
    @PreAuthorize("hasAnyRole('BASE_OFFICER','ADMIN')")
    public StandardEdit current(String designationText) {
        return tx.execute(status -> StandardEdit.of(exact(designationText)));
    }

    /** The standard with exactly this designation (an edit never guesses the edition). */
    private Standard exact(String designationText) {
        Designation d = Designation.tryParse(designationText == null ? "" : designationText)
                .orElseThrow(() -> new StandardNotFoundException(designationText));
        return catalog.find(d)
                .filter(s -> s.getDesignationKey().equals(d.compactKey()))
                .orElseThrow(() -> new StandardNotFoundException(designationText));
    }

    private static StandardEdit withDesignation(StandardEdit e, String designation) {
        return new StandardEdit(
                designation,
                e.titleZh(),
                e.titleEn(),
                e.status(),
                e.published(),
                e.implemented(),
                e.withdrawn(),
                e.committee(),
                e.ics(),
                e.ccs(),
                e.replaces(),
                e.replacedBy(),
                e.adoptions(),
                e.reason(),
                e.version());
    }

    /** The officer's rules, each refusal beside its field, in the reader's language; returns the designation. */
    private Designation check(StandardEdit edit, boolean adding) {
        var errors = new InvalidInputException.Collector();
        Designation designation = null;
        if (edit.designation() == null || edit.designation().isBlank()) {
            errors.add("designation", "catalog.edit.error.designation-missing");
        } else {
            designation = Designation.tryParse(edit.designation()).orElse(null);
            errors.check(designation != null, "designation", "catalog.edit.error.designation");
        }
        String reason = edit.reason() == null ? "" : edit.reason().strip();
        errors.check(!reason.isEmpty() && reason.length() <= MAX_REASON, "reason", "catalog.edit.error.reason");
        errors.check(!ControlCharacters.present(reason), "reason", "catalog.edit.error.control-characters");
        errors.check(
                (edit.titleZh() != null && !edit.titleZh().isBlank())
                        || (edit.titleEn() != null && !edit.titleEn().isBlank()),
                "titleZh",
                "catalog.edit.error.title");
        errors.check(length(edit.titleZh(), 2000), "titleZh", "catalog.edit.error.too-long");
        errors.check(length(edit.titleEn(), 2000), "titleEn", "catalog.edit.error.too-long");
        errors.check(length(edit.committee(), 200), "committee", "catalog.edit.error.too-long");
        errors.check(
                blank(edit.status())
                        || StandardStatus.ofCode(edit.status().strip()).isPresent(),
                "status",
                "catalog.edit.error.status");
        for (String field : List.of("published", "implemented", "withdrawn")) {
            String value = switch (field) {
                case "published" -> edit.published();
                case "implemented" -> edit.implemented();
                default -> edit.withdrawn();
            };
            errors.check(blank(value) || DATE.matcher(value.strip()).matches(), field, "catalog.edit.error.date");
        }
        if (!errors.has("published") && !errors.has("implemented") && !errors.has("withdrawn")) {
            errors.check(inOrder(edit.published(), edit.implemented()), "implemented", "catalog.edit.error.date-order");
            errors.check(inOrder(edit.published(), edit.withdrawn()), "withdrawn", "catalog.edit.error.date-order");
            errors.check(inOrder(edit.implemented(), edit.withdrawn()), "withdrawn", "catalog.edit.error.date-order");
        }
        errors.check(edit.ics().stream().allMatch(c -> ICS.matcher(c).matches()), "ics", "catalog.edit.error.ics");
        errors.check(edit.ccs().stream().allMatch(c -> CCS.matcher(c).matches()), "ccs", "catalog.edit.error.ccs");
        checkTargets(edit.replaces(), "replaces", designation, errors);
        checkTargets(edit.replacedBy(), "replacedBy", designation, errors);
        for (StandardEdit.AdoptionLink a : edit.adoptions()) {
            String degree = a.degree() == null ? "" : a.degree().strip().toUpperCase(java.util.Locale.ROOT);
            errors.check(DEGREES.contains(degree), "adoptions", "catalog.edit.error.degree");
        }
        checkTargets(
                edit.adoptions().stream()
                        .map(StandardEdit.AdoptionLink::designation)
                        .toList(),
                "adoptions",
                designation,
                errors);
        errors.check(adding || edit.version() != null, "version", "catalog.edit.error.version");
        errors.throwIfAny();
        return designation;
    }

    /** Every target must be a standard in the catalog, and not the standard itself. */
    private void checkTargets(
            List<String> targets, String field, Designation self, InvalidInputException.Collector errors) {
        for (String target : targets) {
            Optional<Designation> d = Designation.tryParse(target);
            if (d.isEmpty()) {
                errors.add(field, "catalog.edit.error.target-unreadable");
                return;
            }
            if (self != null && d.get().compactKey().equals(self.compactKey())) {
                errors.add(field, "catalog.edit.error.target-self");
                return;
            }
            boolean known = catalog.find(d.get())
                    .filter(s -> d.get().year() == null
                            || s.getDesignationKey().equals(d.get().compactKey()))
                    .isPresent();
            if (!known) {
                errors.add(field, "catalog.edit.error.target-unknown");
                return;
            }
        }
    }

    /**
     * The edit as an import line, read by the importer's own reader: what passes here is what an import would
     * write. A correction keeps what the form does not show (source, publisher, category, document type).
     */
    private StandardRecord record(StandardEdit edit, Designation designation, Standard existing) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id_raw", designation.normalized());
        put(node, "title_zh", edit.titleZh());
        put(node, "title_en", edit.titleEn());
        put(node, "status", edit.status());
        put(node, "published", edit.published());
        put(node, "implemented", edit.implemented());
        put(node, "withdrawn", edit.withdrawn());
        put(node, "tc", edit.committee());
        array(node, "ics", edit.ics(), false);
        array(node, "ccs", edit.ccs(), false);
        array(node, "replaces", targets(edit.replaces()), false);
        array(node, "replaced_by", targets(edit.replacedBy()), false);
        ArrayNode adoptions = node.putArray("adoption");
        for (StandardEdit.AdoptionLink a : edit.adoptions()) {
            adoptions
                    .addObject()
                    .put("designation", targets(List.of(a.designation())).getFirst())
                    .put("degree", a.degree().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (existing != null) {
            put(node, "source", existing.getSource());
            put(node, "publisher", existing.getPublisher());
            put(node, "category", existing.getCategory());
            put(node, "doctype", existing.getDocType());
            // the source's own words for the status stay only while the status is the one they describe
            if (Objects.equals(existing.getStatus(), strip(edit.status()))) {
                put(node, "status_raw", existing.getStatusRaw());
            }
            if (blank(edit.implemented()) && existing.getImplementedNote() != null) {
                put(node, "implemented", existing.getImplementedNote());
            }
            // amendments are not edited here: kept as they are
            ArrayNode amended = node.putArray("amended_by");
            existing.getRelations().stream()
                    .filter(r -> r.getKind() == org.stdhub.catalog.StandardRelation.Kind.AMENDED_BY)
                    .forEach(r -> amended.add(r.getTargetDesignation()));
        } else {
            node.put("source", SOURCE);
        }
        try {
            return reader.read(mapper.writeValueAsString(node));
        } catch (StandardRecordReader.InvalidRecordException e) {
            throw new UserFacingException("catalog.edit.error.refused", e.getMessage());
        }
    }

    /** Relation targets as the catalog writes them: the designation of the standard found. */
    private List<String> targets(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            Designation d = Designation.parse(text);
            out.add(catalog.find(d).map(Standard::getDesignation).orElse(d.normalized()));
        }
        return out;
    }

    /** Writes the record as a one-record import batch, with its change log entry, edit note, audit and event. */
    private Edited write(StandardRecord record, Standard existing, StandardEdit before, String reason) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String editor = editor();
        long batchId = batch(record.designation().normalized(), now);
        long id;
        int version;
        if (existing == null) {
            id = table.insert(List.of(record), batchId, at).getFirst();
            table.insertChildren(List.of(record), List.of(id));
            changeLog.write(batchId, at, List.of(record), List.of(id), List.of(), List.of(), List.of());
            version = 0;
        } else {
            id = existing.getId();
            table.update(List.of(record), List.of(id), batchId, at);
            table.deleteChildren(List.of(id));
            table.insertChildren(List.of(record), List.of(id));
            changeLog.write(
                    batchId,
                    at,
                    List.of(),
                    List.of(),
                    List.of(record),
                    List.of(id),
                    java.util.Collections.singletonList(existing.getStatus()));
            version = existing.getVersion() + 1;
        }
        // relations and adoptions of other standards that named this one before it was in the catalog
        jdbc.update(
                "update standard_relation set target_id = ? where target_id is null and target_key = ?",
                id,
                record.designation().compactKey());
        jdbc.update(
                "update standard_adoption set international_id = ? where international_id is null"
                        + " and international_key = ?",
                id,
                record.designation().compactKey());
        StandardEdit after = edit(record, version);
        Map<String, String[]> changed = differences(before, after);
        jdbc.update(
                "insert into standard_edit (standard_id, batch_id, editor, reason, fields, edited_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                id,
                batchId,
                StandardTable.truncate(editor, 200),
                reason,
                StandardTable.truncate(String.join(",", changed.keySet()), 1000),
                at);
        StateChanged audit = StateChanged.of(
                "standard", record.designation().normalized(), existing == null ? "added" : "corrected");
        for (var c : changed.entrySet()) {
            audit = audit.withChange(c.getKey(), c.getValue()[0], c.getValue()[1]);
        }
        events.publishEvent(audit.withComment(reason));
        events.publishEvent(new CatalogUpdated(batchId, existing == null ? 1 : 0, existing == null ? 0 : 1));
        return new Edited(record.designation().normalized(), batchId, version, existing == null);
    }

    /** What a standard says before it is added: nothing. */
    private static final StandardEdit NOTHING =
            new StandardEdit(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** A written record in the form's terms. */
    private static StandardEdit edit(StandardRecord r, int version) {
        return new StandardEdit(
                r.designation().normalized(),
                r.titleZh(),
                r.titleEn(),
                r.status(),
                r.published(),
                r.implemented(),
                r.withdrawn(),
                r.committee(),
                r.ics(),
                r.ccs(),
                r.relations().stream()
                        .filter(x -> x.kind().equals("REPLACES"))
                        .map(StandardRecord.Relation::targetDesignation)
                        .toList(),
                r.relations().stream()
                        .filter(x -> x.kind().equals("REPLACED_BY"))
                        .map(StandardRecord.Relation::targetDesignation)
                        .toList(),
                r.adoptions().stream()
                        .map(a -> new StandardEdit.AdoptionLink(a.designation(), a.degree()))
                        .toList(),
                null,
                version);
    }

    /** The fields whose values differ, in form order, as text. */
    static Map<String, String[]> differences(StandardEdit before, StandardEdit after) {
        Map<String, String[]> out = new LinkedHashMap<>();
        diff(out, "titleZh", before.titleZh(), after.titleZh());
        diff(out, "titleEn", before.titleEn(), after.titleEn());
        diff(out, "status", before.status(), after.status());
        diff(out, "published", before.published(), after.published());
        diff(out, "implemented", before.implemented(), after.implemented());
        diff(out, "withdrawn", before.withdrawn(), after.withdrawn());
        diff(out, "committee", before.committee(), after.committee());
        diff(out, "ics", join(before.ics()), join(after.ics()));
        diff(out, "ccs", join(before.ccs()), join(after.ccs()));
        diff(out, "replaces", join(before.replaces()), join(after.replaces()));
        diff(out, "replacedBy", join(before.replacedBy()), join(after.replacedBy()));
        diff(
                out,
                "adoptions",
                join(before.adoptions().stream()
                        .map(a -> a.designation() + " " + a.degree())
                        .toList()),
                join(after.adoptions().stream()
                        .map(a -> a.designation() + " " + a.degree())
                        .toList()));
        return out;
    }

    private static void diff(Map<String, String[]> out, String field, String before, String after) {
        String b = blank(before) ? null : before;
        String a = blank(after) ? null : after;
        if (!Objects.equals(b, a)) {
            out.put(field, new String[] {b, a});
        }
    }

    private static String join(List<String> list) {
        return list.isEmpty() ? null : String.join(", ", new LinkedHashSet<>(list));
    }

    private long batch(String designation, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "insert into import_batch (source_name, started_at, finished_at, status, records_read,"
                                    + " inserted, updated) values (?, ?, ?, 'finished', 1, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, StandardTable.truncate(BATCH_PREFIX + designation, 500));
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setInt(4, 0);
                    ps.setInt(5, 0);
                    return ps;
                },
                key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** After the commit: the standard and the international standards it adopts, in the search index. */
    private void reindex(Edited edited) {
        Set<Long> ids = new LinkedHashSet<>(jdbc.queryForList(
                "select standard_id from standard_change where batch_id = ?", Long.class, edited.batchId()));
        ids.addAll(jdbc.queryForList(
                "select a.international_id from standard_adoption a join standard_change c on c.standard_id ="
                        + " a.standard_id where c.batch_id = ? and a.international_id is not null",
                Long.class,
                edited.batchId()));
        indexer.reindex(ids);
    }

    private static String editor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (!blank(value)) {
            node.put(field, value.strip());
        }
    }

    private static void array(ObjectNode node, String field, List<String> values, boolean keepEmpty) {
        if (values.isEmpty() && !keepEmpty) {
            return;
        }
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    /** Partial dates compare on what both give: 2020 is not after 2020-05. */
    static boolean inOrder(String earlier, String later) {
        if (blank(earlier) || blank(later)) {
            return true;
        }
        String a = earlier.strip();
        String b = later.strip();
        int n = Math.min(a.length(), b.length());
        return a.substring(0, n).compareTo(b.substring(0, n)) <= 0;
    }

    private static boolean length(String s, int max) {
        return s == null || s.strip().length() <= max;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
