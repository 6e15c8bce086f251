package org.stdhub.development;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.stdhub.platform.InvalidInputException;

/**
 * The plain text of a stored draft file, for reading the standards it cites: a Word document (docx) through POI, a
 * PDF through PDFBox. The type is the one Tika detected from the content at upload. Text beyond {@value #MAX_CHARS}
 * characters is not read.
 */
final class DraftText {

    static final int MAX_CHARS = 2_000_000;

    private DraftText() {}

    static String of(String mediaType, byte[] content) {
        try {
            String text;
            if (mediaType != null && mediaType.contains("pdf")) {
                try (PDDocument pdf = Loader.loadPDF(content)) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setEndPage(Math.min(pdf.getNumberOfPages(), 500));
                    text = stripper.getText(pdf);
                }
            } else {
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
                        XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
                    text = words.getText();
                }
            }
            return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(java.util.Map.of("file", "development.error.draft-unreadable"));
        }
    }
}
