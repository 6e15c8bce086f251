package org.stdhub.compliance.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckInputException;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.platform.CsvTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the list to check from pasted text or an uploaded file: plain text or CSV (UTF-8 with or without BOM,
 * or GBK), one designation per line or in a named column, or an Excel workbook (.xlsx, first sheet, a named
 * column or the first one). Line numbers are those of the file, so that a person finds the line again.
 *
 * <p>Uploads come from anyone, so reading is bounded: a workbook is streamed (never loaded whole), reading stops
 * as soon as the list has more lines than the caller may check, and a file with more than {@value #MAX_ROWS} rows
 * or {@value #MAX_CELLS} cells is refused whatever it holds.
 */
@Component
public class ListReader {

    static final Charset GBK = Charset.forName("GBK");

    /** Rows of a file (blank ones included) beyond which it is refused: the longest list is 10,000 lines. */
    static final int MAX_ROWS = 100_000;

    /** Cells of a file beyond which it is refused. */
    static final int MAX_CELLS = 1_000_000;

    /** Columns of a row that are read; cells further right are ignored. */
    static final int MAX_COLUMNS = 256;

    /** Shared strings and styles of a workbook beyond this size (uncompressed) are refused: they are read whole. */
    static final long MAX_WORKBOOK_PART_BYTES = 32L * 1024 * 1024;

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
        return readFile(filename, bytes, column, true);
    }

    /**
     * An uploaded file, read no further than the caller's limit ({@link ValidityCheck#ANONYMOUS_LIMIT} or
     * {@link ValidityCheck#SIGNED_IN_LIMIT} lines): one line more and the file is refused as too long.
     *
     * @throws CheckInputException as {@link #readFile(String, byte[], String)}, and when the list is longer than
     *     the caller may check
     */
    public List<CheckEntry> readFile(String filename, byte[] bytes, String column, boolean signedIn) {
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
        Entries entries = new Entries(wanted, signedIn);
        switch (kind) {
            case XLSX -> readWorkbook(bytes, entries);
            case CSV -> parseDelimited(decode(bytes), entries);
            case TEXT -> {
                if (wanted == null) {
                    return lines(decode(bytes), signedIn);
                }
                parseDelimited(decode(bytes), entries);
            }
        }
        return entries.finish();
    }

    /** One designation per line, a first line without any digit being a header. */
    private List<CheckEntry> lines(String text, boolean signedIn) {
        List<CheckEntry> entries = readText(text);
        if (!entries.isEmpty() && !hasDigit(entries.getFirst().text())) {
            entries.removeFirst();
        }
        if (entries.size() > limit(signedIn)) {
            throw tooMany(signedIn);
        }
        return entries;
    }

    private static int limit(boolean signedIn) {
        return signedIn ? ValidityCheck.SIGNED_IN_LIMIT : ValidityCheck.ANONYMOUS_LIMIT;
    }

    /** The list is longer than the caller may check (it was not read to its end, so its length is not known). */
    private static CheckInputException tooMany(boolean signedIn) {
        return signedIn
                ? new CheckInputException(
                        Map.of("limit", ValidityCheck.SIGNED_IN_LIMIT),
                        "compliance.error.too-many-over",
                        ValidityCheck.SIGNED_IN_LIMIT)
                : new CheckInputException(
                        Map.of("limit", ValidityCheck.ANONYMOUS_LIMIT, "signedInLimit", ValidityCheck.SIGNED_IN_LIMIT),
                        "compliance.error.too-many-anonymous-over",
                        ValidityCheck.ANONYMOUS_LIMIT,
                        ValidityCheck.SIGNED_IN_LIMIT);
    }

    private static CheckInputException tooLargeTable() {
        return new CheckInputException("compliance.error.file-too-many-cells", MAX_ROWS, MAX_CELLS);
    }

    /** A row of a table: its 1-based line (or row) number in the file and its cells. */
    record TableRow(int line, List<String> cells) {}

    /**
     * Turns table rows, as they are read, into entries: the chosen column of each row after the header (or the
     * first column, a digit-less first row skipped). Throws as soon as there are more entries than the caller may
     * check, or the table is larger than any list.
     */
    static final class Entries {
        private final String column;
        private final boolean signedIn;
        private final int limit;
        private final List<CheckEntry> entries = new ArrayList<>();
        private int index = -1;
        private boolean first = true;
        private int rows;
        private long cells;

        Entries(String column, boolean signedIn) {
            this.column = column;
            this.signedIn = signedIn;
            this.limit = limit(signedIn);
        }

        /** Counts a row of the file, blank or not, and its cells. */
        void count(int rowCells) {
            rows++;
            cells += rowCells;
            if (rows > MAX_ROWS || cells > MAX_CELLS) {
                throw tooLargeTable();
            }
        }

        /** A non-blank row. */
        void accept(TableRow row) {
            if (first) {
                first = false;
                if (column != null) {
                    index = header(row.cells());
                    return;
                }
                index = 0;
                if (!hasDigit(cell(row, 0))) {
                    return;
                }
            }
            String value = clean(cell(row, index));
            if (!value.isEmpty()) {
                entries.add(new CheckEntry(row.line(), value));
                if (entries.size() > limit) {
                    throw tooMany(signedIn);
                }
            }
        }

        private int header(List<String> header) {
            for (int i = 0; i < header.size(); i++) {
                if (clean(header.get(i)).equalsIgnoreCase(column)) {
                    return i;
                }
            }
            List<String> names = header.stream()
                    .map(ListReader::clean)
                    .filter(h -> !h.isEmpty())
                    .toList();
            throw new CheckInputException("compliance.error.column-not-found", column, String.join(", ", names));
        }

        List<CheckEntry> finish() {
            if (first && column != null) {
                throw new CheckInputException("compliance.error.column-not-found", column, "");
            }
            return entries;
        }
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
     * The non-blank rows of CSV, read as a {@link CsvTable} (RFC 4180, the separator guessed from the first
     * line).
     */
    static List<TableRow> parseDelimited(String text) {
        List<TableRow> rows = new ArrayList<>();
        CsvTable.read(text, MAX_COLUMNS, row -> {
            if (!row.blank()) {
                rows.add(new TableRow(row.line(), row.cells()));
            }
        });
        return rows;
    }

    /** Each row of CSV counted, the non-blank ones read, as they come. */
    static void parseDelimited(String text, Entries entries) {
        try {
            CsvTable.read(text, MAX_COLUMNS, row -> {
                entries.count(row.cells().size());
                if (!row.blank()) {
                    entries.accept(new TableRow(row.line(), row.cells()));
                }
            });
        } catch (UncheckedIOException unreadable) {
            // reading is lenient: not expected of any text, but never an error page
            throw new CheckInputException("compliance.error.encoding");
        }
    }

    /**
     * The first sheet's non-empty rows, cells as Excel shows them, streamed: the sheet is read as XML events and
     * never held whole, and reading ends as soon as {@code entries} refuses more.
     */
    static void readWorkbook(byte[] bytes, Entries entries) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new CheckInputException("compliance.error.workbook");
        }
        Path file = null;
        try {
            // opened from a file, parts are inflated as they are read (from a stream POI would inflate all at once)
            file = Files.createTempFile("stdhub-check-", ".xlsx");
            Files.write(file, bytes);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                refuseLargeParts(pkg, XSSFRelation.SHARED_STRINGS.getContentType());
                refuseLargeParts(pkg, XSSFRelation.STYLES.getContentType());
                XSSFReader reader = new XSSFReader(pkg);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return;
                }
                StylesTable styles = reader.getStylesTable();
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        styles, strings, new SheetRows(entries), new DataFormatter(Locale.ROOT), false));
                try (InputStream sheet = sheets.next()) {
                    xml.parse(new InputSource(sheet));
                }
            }
        } catch (CheckInputException e) {
            throw e;
        } catch (Exception e) {
            // a refusal thrown inside the XML handler may come back wrapped
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof CheckInputException c) {
                    throw c;
                }
            }
            throw new CheckInputException("compliance.error.workbook");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file: the system cleans it up
                }
            }
        }
    }

    private static void refuseLargeParts(OPCPackage pkg, String contentType) {
        for (PackagePart part : pkg.getPartsByContentType(contentType)) {
            if (part.getSize() > MAX_WORKBOOK_PART_BYTES) {
                throw tooLargeTable();
            }
        }
    }

    /** Collects a sheet's cells row by row (rows and cells may be missing: their positions tell). */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Entries entries;
        private final List<String> cells = new ArrayList<>();
        private int cellCount;

        SheetRows(Entries entries) {
            this.entries = entries;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            cellCount = 0;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            cellCount++;
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column < 0 || column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(formattedValue == null ? "" : formattedValue);
            } else {
                cells.set(column, formattedValue == null ? "" : formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            entries.count(cellCount);
            if (cells.stream().anyMatch(c -> !c.isBlank())) {
                entries.accept(new TableRow(rowNum + 1, List.copyOf(cells)));
            }
        }
    }
}
