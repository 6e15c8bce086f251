package org.stdhub.programme.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.programme.EvaluationView;
import org.stdhub.programme.Evaluations;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The acceptance dossier of an evaluation as PDF: indicators, evidence list, record trail (CJK font embedded). */
@Component
class EvaluationDossier {

    private final ITemplateEngine templates;
    private final Path font;

    EvaluationDossier(
            ITemplateEngine templates,
            @Value("${stdhub.pdf.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path font) {
        this.templates = templates;
        this.font = font;
    }

    byte[] pdf(EvaluationView e, List<Evaluations.TrailEntry> trail, Locale locale) {
        boolean fontFound = font != null && Files.isReadable(font);
        Context context = new Context(locale);
        context.setVariable("e", e);
        context.setVariable("trail", trail);
        context.setVariable("fontMissing", !fontFound);
        String html = ControlCharacters.xmlSafe(templates.process("programme/evaluation-dossier", context));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (fontFound) {
                builder.useFont(font.toFile(), BulletinPublication.CJK_FAMILY);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
