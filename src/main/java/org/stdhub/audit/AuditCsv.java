package org.stdhub.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.stdhub.platform.CsvTable;

/** The columns of audit entries exported as CSV. */
final class AuditCsv {

    static final String[] HEADERS = {
        "seq",
        "occurred_at",
        "actor",
        "address",
        "object_type",
        "object_id",
        "action",
        "changes",
        "comment",
        "prev_hash",
        "hash"
    };

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AuditCsv() {}

    static void header(CsvTable table) {
        table.row(HEADERS);
    }

    static void row(CsvTable table, AuditStore.Row row) {
        table.row(
                Long.toString(row.seq()),
                row.occurredAt() == null ? null : UTC_MILLIS.format(row.occurredAt()),
                row.actor(),
                row.address(),
                row.objectType(),
                row.objectId(),
                row.action(),
                row.changes(),
                row.comment(),
                row.prevHash(),
                row.hash());
    }
}
