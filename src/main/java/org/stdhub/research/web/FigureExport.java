package org.stdhub.research.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.stdhub.platform.CsvTable;
import org.stdhub.research.Figure;

/** A figure as a table for spreadsheet programs: CSV (UTF-8 with a byte order mark) or xlsx (POI streaming). */
@Component
class FigureExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FigureLabels labels;

    FigureExport(FigureLabels labels) {
        this.labels = labels;
    }

    byte[] csv(Figure figure, Locale locale) {
        return CsvTable.forExcel(table -> {
            table.row(header(figure, locale));
            for (Figure.Row r : figure.rows()) {
                List<String> cells = new ArrayList<>(
                        List.of(r.key(), labels.label(figure.key(), r.key(), locale), String.valueOf(r.value())));
                if (twoCounts(figure)) {
                    cells.add(r.extra() == null ? "" : String.valueOf(r.extra()));
                    cells.add(r.percent() == null ? "" : String.valueOf(r.percent()));
                }
                table.row(cells);
            }
        });
    }

    byte[] xlsx(Figure figure, Locale locale) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(figure.key());
            List<String> head = header(figure, locale);
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.size(); i++) {
                h.createCell(i).setCellValue(head.get(i));
            }
            int n = 1;
            for (Figure.Row r : figure.rows()) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.key());
                row.createCell(1).setCellValue(labels.label(figure.key(), r.key(), locale));
                row.createCell(2).setCellValue(r.value());
                if (twoCounts(figure) && r.extra() != null) {
                    row.createCell(3).setCellValue(r.extra());
                    if (r.percent() != null) {
                        row.createCell(4).setCellValue(r.percent());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> header(Figure figure, Locale locale) {
        String[] c = labels.columns(figure.key(), locale);
        List<String> head = new ArrayList<>(List.of("key", c[0], c[1]));
        if (twoCounts(figure)) {
            head.add(c[2]);
            head.add(c[3]);
        }
        return head;
    }

    static boolean twoCounts(Figure figure) {
        return figure.rows().stream().anyMatch(r -> r.extra() != null);
    }
}
