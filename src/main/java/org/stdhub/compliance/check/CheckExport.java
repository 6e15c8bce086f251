package org.stdhub.compliance.check;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckLine.Ref;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.Verdict;
import org.stdhub.platform.ControlCharacters;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a check as an Excel workbook or a PDF report (HTML template rendered by openhtmltopdf with an
 * embedded CJK font). Both carry the time of the check and the catalog's data date.
 */
@Component
public class CheckExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    /** Font family name of the CJK font in the report's CSS. */
    static final String CJK_FAMILY = "stdhub-cjk";

    private final CheckTexts texts;
    private final ITemplateEngine templates;
    private final PdfProperties pdf;

    CheckExport(CheckTexts texts, ITemplateEngine templates, PdfProperties pdf) {
        this.texts = texts;
        this.templates = templates;
        this.pdf = pdf;
    }

    // ------------------------------------------------------------------ Excel

    public byte[] xlsx(CheckReport report, Locale locale) throws IOException {
        boolean en = CheckTexts.english(locale);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            SXSSFSheet sheet = workbook.createSheet(texts.message("compliance.export.sheet", locale));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            int r = 0;
            cells(sheet.createRow(r++), bold, texts.message("compliance.title", locale));
            cells(
                    sheet.createRow(r++),
                    null,
                    texts.message("compliance.checked-at", locale),
                    texts.time(report.checkedAt()));
            cells(
                    sheet.createRow(r++),
                    null,
                    texts.message("compliance.data-date", locale),
                    texts.time(report.catalogDataDate()));
            Row summary = sheet.createRow(r++);
            summary.createCell(0).setCellValue(texts.message("compliance.summary.total", locale));
            summary.createCell(1).setCellValue(report.summary().total());
            int c = 2;
            for (Verdict v : Verdict.values()) {
                summary.createCell(c++).setCellValue(texts.verdictName(v, locale));
                summary.createCell(c++).setCellValue(report.summary().count(v));
            }
            r++;
            int headerRow = r;
            String[] headers = {
                texts.message("compliance.column.line", locale),
                texts.message("compliance.column.input", locale),
                texts.message("compliance.column.normalized", locale),
                texts.message("compliance.column.standard", locale),
                texts.message("compliance.column.title", locale),
                texts.message("compliance.column.status", locale),
                texts.message("compliance.column.verdict-code", locale),
                texts.message("compliance.column.verdict", locale),
                texts.message("compliance.column.replacement", locale),
                texts.message("compliance.column.upcoming", locale),
                texts.message("compliance.column.suggestions", locale)
            };
            cells(sheet.createRow(r++), bold, headers);
            for (CheckLine line : report.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.line());
                set(row, 1, line.input());
                set(row, 2, line.normalized());
                if (line.standard() != null) {
                    set(row, 3, line.standard().designation());
                    set(row, 4, line.standard().title(en));
                    set(row, 5, texts.status(line.standard().status(), locale));
                }
                set(row, 6, line.verdict().code());
                set(row, 7, texts.verdict(line, locale));
                set(row, 8, CheckTexts.designations(line.currentReplacement()));
                set(row, 9, upcoming(line.upcomingReplacement()));
                set(row, 10, CheckTexts.designations(line.suggestions()));
            }
            sheet.createFreezePane(0, headerRow + 1);
            if (!report.lines().isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, headers.length - 1));
            }
            int[] widths = {6, 28, 24, 24, 48, 10, 22, 40, 28, 28, 36};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String upcoming(List<Ref> refs) {
        return String.join(
                ", ",
                refs.stream()
                        .map(r -> r.implemented() == null
                                ? r.designation()
                                : r.designation() + " (" + r.implemented() + ")")
                        .toList());
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            cell.setCellValue(values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** Text cells only: a value starting with "=" stays text, never a formula. */
    private static void set(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    // ------------------------------------------------------------------ PDF

    public byte[] pdf(CheckReport report, Locale locale) throws IOException {
        Path font = pdf.cjkFont();
        boolean fontFound = font != null && Files.isReadable(font);
        Context context = new Context(locale);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("report", report);
        vars.put("texts", texts);
        vars.put("en", CheckTexts.english(locale));
        vars.put("fontMissing", fontFound ? null : String.valueOf(font));
        // without the font Chinese cannot show, so the note is also given in English
        vars.put(
                "fontMissingEn", fontFound ? null : texts.message("compliance.pdf.font-missing", Locale.ENGLISH, font));
        vars.put("verdicts", Verdict.values());
        context.setVariables(vars);
        // the report is XHTML: a control character in a checked line (pasted text keeps them) would break it
        String html = ControlCharacters.xmlSafe(templates.process("compliance/report", context));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        if (fontFound) {
            builder.useFont(font.toFile(), CJK_FAMILY);
        }
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }
}
