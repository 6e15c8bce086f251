package org.stdhub.bench;

import java.util.List;

/**
 * One system under measurement. {@link #execute} is what is timed; {@link #rows} turns its result into
 * the top hits afterwards (client-side decoding that a real caller may not need is kept out of the timing).
 */
interface SearchTarget extends AutoCloseable {

    /** A result row: enough to tell whether the expected standard was found. */
    record Row(String designation, String titleZh, String titleEn) {}

    String name();

    Object execute(String query) throws Exception;

    List<Row> rows(Object result) throws Exception;

    @Override
    default void close() throws Exception {}
}
