package org.stdhub.compliance.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckInputException;

/**
 * Reads the list to check from pasted text or an uploaded file: plain text or CSV (UTF-8 with or without BOM,
 * or GBK), one designation per line or in a named column, or an Excel workbook (.xlsx, first sheet, a named
 * column or the first one). Line numbers are those of the file, so that a person finds the line again.
 */
@Component
public class ListReader {

    static final Charset GBK = Charset.forName("GBK");

    /** Rows read beyond this are not kept (the check refuses more than 10,000 lines anyway). */
    static final int MAX_ROWS = 1_000_000;

    private final long maxBytes;

    ListReader(@Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize maxFileSize) {
        this.maxBytes = maxFileSize.toBytes();
    }

    /** The file kinds understood, by extension. */
    enum Kind {
        TEXT,
        CSV,
        XLSX;

        static Kind of(String filename) {
            String name = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
            if (name.endsWith(".txt")) {
                return TEXT;
            }
            if (name.endsWith(".csv") || name.endsWith(".tsv")) {
                return CSV;
            }
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            throw new CheckInputException("compliance.error.file-type", filename == null ? "" : filename);
        }
    }

    /** Pasted text: one designation per line; blank lines are skipped but keep their numbers. */
    public List<CheckEntry> readText(String text) {
        List<CheckEntry> entries = new ArrayList<>();
        if (text == null) {
            return entries;
        }
        int line = 0;
        for (String l : text.split("\r\n|\r|\n", -1)) {
            line++;
            if (!l.isBlank()) {
                entries.add(new CheckEntry(line, l.strip()));
            }
        }
        return entries;
    }

    /**
     * An uploaded file.
     *
     * @param column the header of the column holding the designations (CSV and Excel); blank for one
     *     designation per line (the first column)
     * @throws CheckInputException when the file is empty, too large, of another type, not text in UTF-8 or
     *     GBK, not a readable workbook, or has no such column
     */
    public List<CheckEntry> readFile(String filename, byte[] bytes, String column) {
        Kind kind = Kind.of(filename);
        if (bytes == null || bytes.length == 0) {
            throw new CheckInputException("compliance.error.file-empty");
        }
        if (bytes.length > maxBytes) {
            throw new CheckInputException(
                    "compliance.error.file-too-large",
                    DataSize.ofBytes(maxBytes).toMegabytes());
        }
        String wanted = column == null || column.isBlank() ? null : column.strip();
        return switch (kind) {
            case XLSX -> rows(readWorkbook(bytes), wanted);
            case CSV -> rows(parseDelimited(decode(bytes)), wanted);
            case TEXT -> wanted == null ? lines(decode(bytes)) : rows(parseDelimited(decode(bytes)), wanted);
        };
    }

    /** One designation per line, a first line without any digit being a header. */
    private List<CheckEntry> lines(String text) {
        List<CheckEntry> entries = readText(text);
        if (!entries.isEmpty() && !hasDigit(entries.getFirst().text())) {
            entries.removeFirst();
        }
        return entries;
    }

    /** A row of a table: its 1-based line (or row) number in the file and its cells. */
    record TableRow(int line, List<String> cells) {}

    /** The chosen column of each row after the header (or the first column, a digit-less first row skipped). */
    private static List<CheckEntry> rows(List<TableRow> rows, String column) {
        List<CheckEntry> entries = new ArrayList<>();
        int index = 0;
        int start = 0;
        if (column != null) {
            if (rows.isEmpty()) {
                throw new CheckInputException("compliance.error.column-not-found", column, "");
            }
            List<String> header = rows.getFirst().cells();
            index = -1;
            for (int i = 0; i < header.size(); i++) {
                if (clean(header.get(i)).equalsIgnoreCase(column)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                List<String> names = header.stream()
                        .map(ListReader::clean)
                        .filter(h -> !h.isEmpty())
                        .toList();
                throw new CheckInputException("compliance.error.column-not-found", column, String.join(", ", names));
            }
            start = 1;
        } else if (!rows.isEmpty() && !hasDigit(cell(rows.getFirst(), 0))) {
            start = 1;
        }
        for (int r = start; r < rows.size(); r++) {
            String value = clean(cell(rows.get(r), index));
            if (!value.isEmpty()) {
                entries.add(new CheckEntry(rows.get(r).line(), value));
            }
        }
        return entries;
    }

    private static String cell(TableRow row, int index) {
        return index < row.cells().size() && row.cells().get(index) != null
                ? row.cells().get(index)
                : "";
    }

    private static String clean(String s) {
        return s == null
                ? ""
                : s.replace('\uFEFF', ' ').replace('\n', ' ').replace('\r', ' ').strip();
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    /**
     * The file's text: UTF-8 (a BOM is dropped) when it decodes strictly as UTF-8, else GBK when it decodes
     * strictly as GBK; anything else (or binary content) is refused.
     */
    static String decode(byte[] bytes) {
        int offset =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        String text;
        try {
            text = strict(StandardCharsets.UTF_8, bytes, offset);
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strict(GBK, bytes, 0);
            } catch (CharacterCodingException notGbk) {
                throw new CheckInputException("compliance.error.encoding");
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == '\uFFFD') {
                throw new CheckInputException("compliance.error.encoding");
            }
        }
        return text;
    }

    private static String strict(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    /**
     * CSV as RFC 4180 (quoted fields may hold separators, quotes and line breaks), with the separator taken
     * from the first line: comma, semicolon or tab, whichever occurs most.
     */
    static List<TableRow> parseDelimited(String text) {
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char sep = ',';
        long best = first.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {'\t', ';'}) {
            long count = first.chars().filter(c -> c == candidate).count();
            if (count > best) {
                best = count;
                sep = candidate;
            }
        }
        List<TableRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == sep) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addRow(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
                if (rows.size() > MAX_ROWS) {
                    break;
                }
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        addRow(rows, rowLine, cells);
        return rows;
    }

    private static void addRow(List<TableRow> rows, int line, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            rows.add(new TableRow(line, List.copyOf(cells)));
        }
    }

    /** The first sheet's non-empty rows, cells as Excel shows them. */
    static List<TableRow> readWorkbook(byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new CheckInputException("compliance.error.workbook");
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<TableRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (rows.size() > MAX_ROWS) {
                    break;
                }
                List<String> cells = new ArrayList<>();
                short last = row.getLastCellNum();
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                addRow(rows, row.getRowNum() + 1, cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckInputException c) {
                throw c;
            }
            throw new CheckInputException("compliance.error.workbook");
        }
    }
}
