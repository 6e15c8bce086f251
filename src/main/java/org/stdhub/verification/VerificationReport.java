package org.stdhub.verification;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ControlCharacters;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The verification report as PDF (Chinese with English headings, the CJK font embedded): the task, its labs, each
 * clause with its records, verdict and recommendation, and the inter-lab comparisons with what was applied.
 */
@Component
class VerificationReport {

    static final String CJK_FAMILY = "WenQuanYi Micro Hei";

    private final ITemplateEngine templates;
    private final Path font;
    private final Clock clock;

    VerificationReport(
            ITemplateEngine templates,
            @Value("${stdhub.verification.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font,
            Clock clock) {
        this.templates = templates;
        this.font = Path.of(font);
        this.clock = clock;
    }

    byte[] render(TaskView task) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("task", task);
        context.setVariable("issuedAt", ZonedDateTime.now(clock));
        context.setVariable("fontMissing", !Files.isReadable(font));
        String html = ControlCharacters.xmlSafe(templates.process("verification/report-pdf", context));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (Files.isReadable(font)) {
                builder.useFont(font.toFile(), CJK_FAMILY);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
