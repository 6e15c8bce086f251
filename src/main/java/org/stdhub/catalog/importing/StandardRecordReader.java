package org.stdhub.catalog.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.DesignationParseException;
import org.stdhub.catalog.StandardStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and validates one JSON Lines record of the shipped format (see seed/SOURCES.md). */
class StandardRecordReader {

    /** A line that cannot go in, with the reason in words an operator understands. */
    static final class InvalidRecordException extends RuntimeException {
        private final String designation;

        InvalidRecordException(String designation, String reason) {
            super(reason);
            this.designation = designation;
        }

        String designation() {
            return designation;
        }
    }

    private static final Pattern DATE = Pattern.compile("^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$");
    private static final Pattern ICS = Pattern.compile("^\\d{2}(\\.\\d{3}(\\.\\d{2})?)?$");
    private static final Pattern CCS = Pattern.compile("^[A-HJ-NP-Z](\\d{2})?$");
    private static final Set<String> STATUSES = Set.copyOf(StandardStatus.codes());
    private static final Set<String> DEGREES = Set.of("IDT", "MOD", "NEQ", "EQV");
    private static final int MAX_TITLE = 2000;

    private final JsonMapper mapper = JsonMapper.builder().build();

    StandardRecord read(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JacksonException e) {
            throw new InvalidRecordException(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException(null, "not a JSON object");
        }
        String idRaw = text(node, "id_raw");
        if (idRaw == null || idRaw.isBlank()) {
            throw new InvalidRecordException(null, "id_raw is missing");
        }
        Designation designation;
        try {
            designation = Designation.parse(idRaw);
        } catch (DesignationParseException e) {
            throw new InvalidRecordException(
                    idRaw,
                    DesignationRefusal.classify(idRaw)
                            .map(rule -> "designation '" + idRaw + "' refused (" + rule.name() + "): " + rule.reason())
                            .orElse("designation '" + idRaw + "' cannot be read: " + e.getMessage()));
        }
        String status = text(node, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRecordException(
                    idRaw, "status '" + status + "' is not one of current, withdrawn, upcoming");
        }
        String source = text(node, "source");
        if (source == null || source.isBlank()) {
            throw new InvalidRecordException(idRaw, "source is missing (every record must say where it came from)");
        }
        List<StandardRecord.Relation> relations = new ArrayList<>();
        relations(node, "replaces", "REPLACES", relations);
        relations(node, "replaced_by", "REPLACED_BY", relations);
        relations(node, "amended_by", "AMENDED_BY", relations);
        List<StandardRecord.AdoptionLink> adoptions = new ArrayList<>();
        JsonNode adoptionNode = node.get("adoption");
        if (adoptionNode != null && adoptionNode.isArray()) {
            for (JsonNode a : adoptionNode) {
                String target = text(a, "designation");
                String degree = text(a, "degree");
                degree = degree == null ? null : degree.toUpperCase(java.util.Locale.ROOT);
                if (target == null || !DEGREES.contains(degree)) {
                    throw new InvalidRecordException(
                            idRaw, "adoption needs a designation and a degree IDT, MOD or NEQ, got " + a);
                }
                Designation adopted = Designation.tryParse(target)
                        .orElseThrow(() -> new InvalidRecordException(
                                idRaw, "adopted designation '" + target + "' cannot be read"));
                adoptions.add(new StandardRecord.AdoptionLink(adopted.normalized(), adopted.compactKey(), degree));
            }
        }
        // a source may describe the implementation date in words ("in force together with GB 9706.1-2020")
        String implemented = text(node, "implemented");
        String implementedNote = null;
        if (implemented != null && !DATE.matcher(implemented).matches()) {
            if (implemented.chars().anyMatch(Character::isDigit) && implemented.matches("[\\d./-]+")) {
                throw new InvalidRecordException(
                        idRaw, "implemented '" + implemented + "' is not a date YYYY, YYYY-MM or YYYY-MM-DD");
            }
            implementedNote = implemented.length() > 200 ? implemented.substring(0, 200) : implemented;
            implemented = null;
        }
        return new StandardRecord(
                designation,
                limited(idRaw, node, "doctype", 60),
                limited(idRaw, node, "publisher", 100),
                limited(idRaw, node, "title_zh", MAX_TITLE),
                limited(idRaw, node, "title_en", MAX_TITLE),
                status,
                limited(idRaw, node, "status_raw", 60),
                date(idRaw, node, "published"),
                implemented,
                implementedNote,
                date(idRaw, node, "withdrawn"),
                limited(idRaw, node, "tc", 200),
                limited(idRaw, node, "category", 500),
                limited(idRaw, node, "source", 500),
                codes(idRaw, node, "ics", ICS),
                codes(idRaw, node, "ccs", CCS),
                relations,
                adoptions);
    }

    private static void relations(JsonNode node, String field, String kind, List<StandardRecord.Relation> out) {
        JsonNode list = node.get(field);
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode item : list) {
            String raw = item.asString().strip();
            if (raw.isEmpty()) {
                continue;
            }
            // a target we cannot read is kept as the source wrote it; it will simply never resolve
            var parsed = Designation.tryParse(raw);
            String designation = parsed.map(Designation::normalized).orElse(raw);
            String key = parsed.map(Designation::compactKey).orElse(raw.toUpperCase(java.util.Locale.ROOT));
            if (designation.length() > 300) {
                continue;
            }
            out.add(new StandardRecord.Relation(kind, designation, key));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String s = value.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String limited(String id, JsonNode node, String field, int max) {
        String value = text(node, field);
        if (value != null && value.length() > max) {
            throw new InvalidRecordException(id, field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String date(String id, JsonNode node, String field) {
        String value = text(node, field);
        if (value != null && !DATE.matcher(value).matches()) {
            throw new InvalidRecordException(id, field + " '" + value + "' is not a date YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return value;
    }

    private static List<String> codes(String id, JsonNode node, String field, Pattern pattern) {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidRecordException(id, field + " must be a list");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode item : list) {
            String code = item.asString().strip();
            if (!pattern.matcher(code).matches()) {
                throw new InvalidRecordException(
                        id,
                        field + " code '" + code + "' is not a valid " + field.toUpperCase(java.util.Locale.ROOT)
                                + " code");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }
}
