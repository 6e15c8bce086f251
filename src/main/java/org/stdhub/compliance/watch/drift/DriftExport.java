package org.stdhub.compliance.watch.drift;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.platform.CsvTable;

/** Adoption gaps as CSV (UTF-8 with BOM, for spreadsheet programs) or Excel. */
@Component
class DriftExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> COLUMNS = List.of(
            "drift.column.chinese",
            "drift.column.title",
            "drift.column.committee",
            "drift.column.ics",
            "drift.column.degree",
            "drift.column.adopted",
            "drift.column.adopted-year",
            "drift.column.current",
            "drift.column.current-year",
            "drift.column.years-behind");

    private final MessageSource messages;

    DriftExport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv(List<AdoptionDrift.Gap> gaps, Locale locale) {
        return CsvTable.forExcel(table -> {
            table.row(COLUMNS.stream()
                    .map(k -> messages.getMessage(k, null, locale))
                    .toList());
            gaps.forEach(g -> table.row(values(g, locale)));
        });
    }

    byte[] xlsx(List<AdoptionDrift.Gap> gaps, Locale locale) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("drift.title", null, locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(messages.getMessage(COLUMNS.get(i), null, locale));
                c.setCellStyle(bold);
            }
            int r = 1;
            for (AdoptionDrift.Gap g : gaps) {
                Row row = sheet.createRow(r++);
                List<String> values = values(g, locale);
                for (int i = 0; i < values.size(); i++) {
                    if (i == values.size() - 1 && g.yearsBehind() != null) {
                        row.createCell(i).setCellValue(g.yearsBehind());
                    } else {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, i == 1 ? 40 * 256 : 20 * 256);
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> values(AdoptionDrift.Gap g, Locale locale) {
        return List.of(
                g.chineseDesignation(),
                nullToEmpty(g.titleZh()),
                nullToEmpty(g.committee()),
                String.join(" ", g.ics()),
                g.degree(),
                g.adoptedDesignation(),
                nullToEmpty(g.adoptedYear()),
                g.currentDesignation() != null
                        ? g.currentDesignation()
                        : messages.getMessage("drift.withdrawn-no-successor", null, locale),
                nullToEmpty(g.currentYear()),
                g.yearsBehind() == null ? "" : String.valueOf(g.yearsBehind()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
