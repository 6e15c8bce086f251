package org.stdhub.talent.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.stdhub.platform.CsvTable;
import org.stdhub.talent.ExpertView;
import org.stdhub.talent.Experts;

/**
 * The experts a search finds as CSV (UTF-8 with BOM for Excel; cells that look like formulas neutralised by
 * {@link CsvTable}) or as an Excel workbook written by POI's streaming workbook (a few rows in memory at a time).
 * The page and the API export the same way, with the same filter as the list.
 */
@Component
class ExpertExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String[] HEADERS = {
        "id",
        "name",
        "ics",
        "ccs",
        "keywords",
        "title",
        "years",
        "employer",
        "region",
        "status",
        "committees",
        "standardsDrafted",
        "unavailablePeriods"
    };

    private final Experts experts;

    ExpertExport(Experts experts) {
        this.experts = experts;
    }

    ResponseEntity<byte[]> csv(ExpertQuery query) {
        List<ExpertView> found = experts.search(query.filter());
        byte[] csv = CsvTable.forExcel(table -> {
            table.row(HEADERS);
            found.forEach(e -> table.row(values(e)));
        });
        return file(csv, "experts.csv", "text/csv;charset=UTF-8");
    }

    ResponseEntity<byte[]> xlsx(ExpertQuery query) {
        List<ExpertView> found = experts.search(query.filter());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("experts");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 1;
            for (ExpertView e : found) {
                Row line = sheet.createRow(r++);
                String[] values = values(e);
                for (int i = 0; i < values.length; i++) {
                    if (!values[i].isEmpty()) {
                        line.createCell(i).setCellValue(values[i]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return file(out.toByteArray(), "experts.xlsx", XLSX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] values(ExpertView e) {
        return new String[] {
            String.valueOf(e.id()),
            e.name(),
            e.icsCodes(),
            e.ccsCodes(),
            e.keywords(),
            e.title().name(),
            String.valueOf(e.yearsInField()),
            e.currentEmployer() == null ? "" : e.currentEmployer(),
            e.region() == null ? "" : e.region(),
            e.status().name(),
            String.join(
                    "; ",
                    e.committees().stream()
                            .map(c -> c.committeeName() + " (" + c.committeeRole() + ")")
                            .toList()),
            String.join(
                    "; ",
                    e.draftedStandards().stream().map(ExpertExport::drafted).toList()),
            String.join(
                    "; ",
                    e.unavailablePeriods().stream()
                            .map(ExpertView.UnavailablePeriodView::text)
                            .toList())
        };
    }

    /** "GB/T 1.1-2020", with the development project's page when one is named: "T/HNBZ 1-2026 [/projects/7]". */
    private static String drafted(ExpertView.DraftedStandardView d) {
        String label = d.designation() != null
                ? d.designation()
                : d.project() != null && d.project().titleZh() != null
                        ? d.project().titleZh()
                        : "";
        return d.project() == null ? label : (label + " [" + d.project().href() + "]").strip();
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type))
                .body(body);
    }
}
