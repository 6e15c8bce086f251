package org.stdhub.development;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.stdhub.platform.InvalidInputException;

/**
 * The comment table as an xlsx workbook in the ISO commenting template's layout: the template's columns (member
 * body, line, clause, paragraph/figure/table, type, comments, proposed change, observations of the secretariat) with
 * a leading number column and a trailing disposition column. Rows without a number are new comments (e.g. from
 * people without an account); rows with a number carry dispositions.
 */
final class CommentSheet {

    static final List<String> HEADERS = List.of(
            "No.",
            "MB/NC",
            "Line number",
            "Clause/Subclause",
            "Paragraph/Figure/Table",
            "Type of comment",
            "Comments",
            "Proposed change",
            "Observations of the secretariat",
            "Disposition");

    static final int MAX_ROWS = 5000;

    private CommentSheet() {}

    /** One row read from a workbook. {@code seq} is null for a new comment. */
    record Line(int row, Integer seq, CommentEntry entry, Disposition disposition, String observations) {}

    static byte[] write(List<CommentView> comments) {
        try (Workbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Comments");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int r = 1;
            for (CommentView c : comments) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.seq());
                set(row, 1, c.memberBody());
                set(row, 2, c.line());
                set(row, 3, c.clause());
                set(row, 4, c.element());
                set(row, 5, code(c.type()));
                set(row, 6, c.comment());
                set(row, 7, c.proposedChange());
                set(row, 8, c.observations());
                set(row, 9, c.disposition() == null ? null : c.disposition().name());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ISO template's type codes: ge, te, ed. */
    static String code(CommentType t) {
        return switch (t) {
            case GENERAL -> "ge";
            case TECHNICAL -> "te";
            case EDITORIAL -> "ed";
        };
    }

    static CommentType type(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ge", "general", "一般" -> CommentType.GENERAL;
            case "te", "technical", "技术" -> CommentType.TECHNICAL;
            case "ed", "editorial", "编辑" -> CommentType.EDITORIAL;
            default -> null;
        };
    }

    private static void set(Row row, int col, String value) {
        if (value != null) {
            row.createCell(col).setCellValue(value);
        }
    }

    static List<Line> read(byte[] xlsx) {
        List<Line> lines = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            if (header == null || !HEADERS.get(1).equalsIgnoreCase(text(fmt, header.getCell(1)))) {
                throw new InvalidInputException(Map.of("file", "development.error.comment-sheet"));
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new InvalidInputException(Map.of("file", "development.error.comment-sheet-size"));
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(fmt, row)) {
                    continue;
                }
                String seqText = text(fmt, row.getCell(0));
                Integer seq = null;
                if (seqText != null) {
                    try {
                        seq = Integer.valueOf(seqText.replaceAll("\\.0+$", ""));
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException(Map.of("file", "development.error.comment-sheet-row"));
                    }
                }
                CommentEntry entry = new CommentEntry(
                        text(fmt, row.getCell(1)),
                        text(fmt, row.getCell(2)),
                        text(fmt, row.getCell(3)),
                        text(fmt, row.getCell(4)),
                        type(text(fmt, row.getCell(5))),
                        text(fmt, row.getCell(6)),
                        text(fmt, row.getCell(7)));
                String d = text(fmt, row.getCell(9));
                Disposition disposition = null;
                if (d != null) {
                    try {
                        disposition =
                                Disposition.valueOf(d.toUpperCase(Locale.ROOT).replace(' ', '_'));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(Map.of("file", "development.error.comment-sheet-row"));
                    }
                }
                lines.add(new Line(r + 1, seq, entry, disposition, text(fmt, row.getCell(8))));
            }
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new InvalidInputException(Map.of("file", "development.error.comment-sheet"));
        }
        return lines;
    }

    private static boolean blank(DataFormatter fmt, Row row) {
        for (int c = 0; c < HEADERS.size(); c++) {
            if (text(fmt, row.getCell(c)) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(DataFormatter fmt, Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        String s = fmt.formatCellValue(cell).strip();
        return s.isEmpty() ? null : s;
    }
}
