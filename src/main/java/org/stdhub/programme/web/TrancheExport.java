package org.stdhub.programme.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.stdhub.platform.CsvTable;
import org.stdhub.programme.TrancheView;

/** The approved funding releases as the finance system takes them: CSV (Excel-friendly) and xlsx, same columns. */
@Component
class TrancheExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final List<String> HEADER = List.of(
            "tranche_id",
            "contract",
            "unit",
            "seq",
            "label",
            "rule",
            "planned",
            "amount",
            "computation",
            "proposed_by",
            "approved_by",
            "approved_at");

    byte[] csv(List<TrancheView> rows) {
        return CsvTable.forExcel(table -> {
            table.row(HEADER);
            rows.forEach(t -> table.row(cells(t)));
        });
    }

    byte[] xlsx(List<TrancheView> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("releases");
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 1;
            for (TrancheView t : rows) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(t);
                for (int i = 0; i < cells.size(); i++) {
                    if (i == 6 || i == 7) {
                        row.createCell(i).setCellValue(new java.math.BigDecimal(cells.get(i)).doubleValue());
                    } else {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(TrancheView t) {
        return List.of(
                String.valueOf(t.id()),
                t.contractNumber(),
                t.organizationName(),
                String.valueOf(t.seq()),
                t.label(),
                t.rule().name(),
                t.plannedAmount().toPlainString(),
                t.amount().toPlainString(),
                t.computation().describe(),
                t.proposedBy() == null ? "" : t.proposedBy(),
                t.approvedBy() == null ? "" : t.approvedBy(),
                t.approvedAt() == null ? "" : t.approvedAt().toString());
    }
}
