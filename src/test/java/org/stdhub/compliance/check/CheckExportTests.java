package org.stdhub.compliance.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.CheckSummary;
import org.stdhub.compliance.Verdict;
import org.thymeleaf.ITemplateEngine;

/** The PDF report without the configured CJK font: still a PDF, and it says why Chinese is missing. */
@CatalogTest
class CheckExportTests {

    @Autowired
    CheckTexts texts;

    @Autowired
    ITemplateEngine templates;

    @Test
    void aMissingCjkFontIsNotedInThePdf() throws IOException {
        CheckLine line = new CheckLine(
                1,
                "GB/T 42061-2022",
                "GB/T 42061-2022",
                Verdict.CURRENT,
                new CheckLine.Ref(
                        "GB/T 42061-2022", "医疗器械 质量管理体系 用于法规的要求", null, "current", "2022-10-14", "2023-11-01", null),
                null,
                null,
                null,
                null,
                null);
        CheckReport report = new CheckReport(
                Instant.parse("2026-01-02T03:04:05Z"), null, CheckSummary.of(List.of(line)), List.of(line));
        CheckExport export = new CheckExport(texts, templates, new PdfProperties(Path.of("/nonexistent/cjk.ttc")));
        byte[] pdf = export.pdf(report, Locale.SIMPLIFIED_CHINESE);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("/nonexistent/cjk.ttc")
                    .contains("stdhub.pdf.cjk-font")
                    .contains("GB/T 42061-2022");
        }
    }
}
