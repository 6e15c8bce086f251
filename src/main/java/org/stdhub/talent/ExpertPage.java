package org.stdhub.talent;

import java.util.List;

/**
 * One page of the base office's search of the expert database.
 *
 * @param items the experts on this page, in the order they entered the database
 * @param total how many experts the filter finds
 * @param page zero-based page number
 * @param size page size
 */
public record ExpertPage(List<ExpertView> items, long total, int page, int size) {

    public ExpertPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
