package org.stdhub.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A table as CSV (RFC 4180, through Commons CSV), written for spreadsheet programs or read from one.
 *
 * <p>Written: comma-separated, CRLF line ends, fields quoted when they hold a separator, quote or line break,
 * and guarded against formula injection: a cell starting with {@code = + - @}, a tab or a carriage return would
 * be run by a spreadsheet program as a formula, so it gets a leading apostrophe. {@link #forExcel} starts with a
 * UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page (and Chinese as mojibake).
 *
 * <p>Read: the separator is the comma, semicolon or tab, whichever the first line holds most; quoted fields may
 * hold separators, quotes and line breaks; lines end in CRLF, LF or CR. Reading is lenient, as people's files
 * are: spaces around a quoted field, text after its closing quote and an unclosed quote at the end are taken as
 * they come.
 */
public final class CsvTable {

    /** The byte order mark that tells spreadsheet programs the file is UTF-8. */
    public static final char BOM = '\uFEFF';

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CSVFormat WRITTEN = CSVFormat.RFC4180;

    private final CSVPrinter printer;

    private CsvTable(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, WRITTEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table written to {@code out}, row by row. */
    public static CsvTable writingTo(Appendable out) {
        return new CsvTable(out);
    }

    /** A table written to {@code out} for spreadsheet programs: the byte order mark first, then row by row. */
    public static CsvTable forExcel(Appendable out) {
        try {
            out.append(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvTable(out);
    }

    /** A whole table for spreadsheet programs, as UTF-8 with a byte order mark: {@code rows} writes its rows. */
    public static byte[] forExcel(Consumer<CsvTable> rows) {
        StringBuilder out = new StringBuilder();
        rows.accept(forExcel(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a row; a null value is an empty cell. */
    public void row(String... values) {
        row(Arrays.asList(values));
    }

    /** Writes a row; a null value is an empty cell. */
    public void row(List<String> values) {
        try {
            for (String value : values) {
                printer.print(guarded(value));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is buffered through to the underlying output. */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value, with a leading apostrophe if a spreadsheet program would run it as a formula; null for an empty
     * cell (written bare: an empty string first in a row would be written as {@code ""}).
     */
    private static String guarded(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A row read: its 1-based line in the text (where it starts) and its cells. */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** Whether every cell is blank. */
        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** Every row of {@code text}, blank ones included. */
    public static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        read(text, Integer.MAX_VALUE, rows::add);
        return rows;
    }

    /**
     * Reads {@code text} row by row, blank rows included (so that a caller may count them), each with at most
     * {@code maxColumns} cells (cells further right are dropped); {@code each} may stop reading by throwing.
     */
    public static void read(String text, int maxColumns, Consumer<Row> each) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(separator(text))
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        LineCounter lines = new LineCounter(text);
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.size() > maxColumns) {
                    cells = cells.subList(0, maxColumns);
                }
                each.accept(new Row(lines.at(record.getCharacterPosition()), cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Comma, semicolon or tab: whichever the first line holds most (comma when none). */
    private static char separator(String text) {
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char separator = ',';
        long best = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {'\t', ';'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > best) {
                best = count;
                separator = candidate;
            }
        }
        return separator;
    }

    /** Line numbers of positions in a text, asked in increasing order (CRLF, LF and CR end a line). */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int at(long target) {
            int end = (int) Math.min(target, text.length());
            for (; position < end; position++) {
                char c = text.charAt(position);
                if (c == '\n' || c == '\r' && (position + 1 >= text.length() || text.charAt(position + 1) != '\n')) {
                    line++;
                }
            }
            return line;
        }
    }
}
