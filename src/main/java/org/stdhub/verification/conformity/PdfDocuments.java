package org.stdhub.verification.conformity;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ControlCharacters;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the module's reports (conformity test reports, evaluation reports) from XHTML templates to PDF with
 * openhtmltopdf, embedding the CJK font {@code stdhub.pdf.cjk-font} (Debian's wqy-microhei by default) as the
 * family {@value #CJK_FAMILY}. Without the font the PDF is still made; Chinese then shows as placeholders.
 */
@Component
public class PdfDocuments {

    public static final String CJK_FAMILY = "stdhub-cjk";

    private final ITemplateEngine templates;
    private final Path font;

    PdfDocuments(
            ITemplateEngine templates,
            @Value("${stdhub.pdf.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path font) {
        this.templates = templates;
        this.font = font;
    }

    public boolean fontFound() {
        return font != null && Files.isReadable(font);
    }

    /** The template rendered with {@code variables} (plus {@code fontMissing}) as a PDF. */
    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariable("fontMissing", fontFound() ? null : String.valueOf(font));
        String html = ControlCharacters.xmlSafe(templates.process(template, context));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (fontFound()) {
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
