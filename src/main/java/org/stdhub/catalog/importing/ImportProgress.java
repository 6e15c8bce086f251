package org.stdhub.catalog.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a long import has got: records and (compressed) bytes read over all its sources, logged every few
 * seconds with an estimate of the time left.
 */
final class ImportProgress {

    private static final Logger log = LoggerFactory.getLogger(StandardImporter.class);

    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private long lastReport = System.nanoTime();
    private long doneBytes;
    private CountingInputStream current;

    /** {@code totalBytes}: the size of all sources together, or less than 1 when unknown. */
    ImportProgress(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    /** The next source's raw stream, counted from now on. */
    InputStream source(InputStream in) {
        if (current != null) {
            doneBytes += current.count();
        }
        current = new CountingInputStream(in);
        return current;
    }

    /** Logs the progress when the last report is more than five seconds old. */
    void report(int records) {
        long now = System.nanoTime();
        if (now - lastReport < 5_000_000_000L) {
            return;
        }
        lastReport = now;
        long bytes = doneBytes + (current == null ? 0 : current.count());
        double seconds = (now - startNanos) / 1e9;
        double rate = records / seconds;
        String eta =
                totalBytes > 0 && bytes > 0 ? Math.round(seconds * (totalBytes - bytes) / bytes) + " s" : "unknown";
        log.info("import: {} records, {} records/s, ETA {}", records, Math.round(rate), eta);
    }

    /** Counts the compressed bytes read, for the estimate. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
