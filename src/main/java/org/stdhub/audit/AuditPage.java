package org.stdhub.audit;

import java.util.List;

/**
 * One page of the log, newest first.
 *
 * @param items the entries on this page
 * @param total how many entries match the filter
 * @param page zero-based page number
 * @param size page size
 */
public record AuditPage(List<AuditEntry> items, long total, int page, int size) {

    public AuditPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
