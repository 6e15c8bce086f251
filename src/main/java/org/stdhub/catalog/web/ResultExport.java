package org.stdhub.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.ExportRow;
import org.stdhub.catalog.StandardSearchQuery;
import org.stdhub.platform.CsvTable;

/** Writes search results as CSV (UTF-8 with BOM, so Excel reads Chinese) or as an Excel workbook. */
@Component
class ResultExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = 10_000;

    private final CatalogService catalog;

    ResultExport(CatalogService catalog) {
        this.catalog = catalog;
    }

    List<ExportRow> rows(StandardSearchQuery query) {
        return catalog.exportRows(query, MAX_ROWS);
    }

    byte[] csv(List<ExportRow> rows) {
        return CsvTable.forExcel(table -> {
            table.row(ExportRow.HEADERS);
            rows.forEach(r -> table.row(r.values()));
        });
    }

    byte[] xlsx(List<ExportRow> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("standards");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportRow.HEADERS.length; i++) {
                header.createCell(i).setCellValue(ExportRow.HEADERS[i]);
            }
            int r = 1;
            for (ExportRow row : rows) {
                Row line = sheet.createRow(r++);
                String[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        line.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }
}
