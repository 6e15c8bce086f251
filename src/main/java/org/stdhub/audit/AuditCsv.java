package org.stdhub.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** CSV lines of audit entries (RFC 4180 quoting, guarded against spreadsheet formulas). */
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

    static void header(Writer out) throws IOException {
        line(out, HEADERS);
    }

    static void row(Writer out, AuditStore.Row row) throws IOException {
        line(out, new String[] {
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
            row.hash()
        });
    }

    private static void line(Writer out, String[] values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = values[i] == null ? "" : values[i];
            // a leading = + - @ would be run as a formula by spreadsheet programs
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v = '"' + v.replace("\"", "\"\"") + '"';
            }
            line.append(v);
        }
        out.write(line.append("\r\n").toString());
    }
}
