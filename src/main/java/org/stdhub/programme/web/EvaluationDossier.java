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
import org.stdhub.audit.AuditEntry;
import org.stdhub.audit.AuditLog;
import org.stdhub.audit.HistoryWords;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.programme.EvaluationView;
import org.stdhub.programme.Evaluations;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The acceptance dossier of an evaluation as PDF: indicators, evidence list, and the audit extract (the evaluation's
 * entries of the audit log, oldest first, in the reader's words; CJK font embedded).
 */
@Component
class EvaluationDossier {

    /** One line of the audit extract: when, who, what happened, what changed, why. */
    record ExtractLine(String at, long seq, String who, String what, String changes, String comment) {}

    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneId.systemDefault());

    private final ITemplateEngine templates;
    private final Path font;
    private final AuditLog audit;
    private final HistoryWords words;

    EvaluationDossier(
            ITemplateEngine templates,
            @Value("${stdhub.pdf.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path font,
            AuditLog audit,
            HistoryWords words) {
        this.templates = templates;
        this.font = font;
        this.audit = audit;
        this.words = words;
    }

    /** The evaluation's audit entries, oldest first, for a reader who may read its history (else none). */
    List<ExtractLine> auditExtract(long evaluationId, Locale locale) {
        String id = String.valueOf(evaluationId);
        if (!audit.mayRead(Evaluations.AUDIT_TYPE, id)) {
            return List.of();
        }
        HistoryWords.Reader reader = words.forReader(locale);
        return audit.history(Evaluations.AUDIT_TYPE, id).reversed().stream()
                .map(a -> new ExtractLine(
                        AT.format(a.occurredAt()),
                        a.seq(),
                        reader.actor(a.actor()).text(),
                        reader.action(a.objectType(), a.action()),
                        changes(a, reader),
                        a.comment()))
                .toList();
    }

    private static String changes(AuditEntry a, HistoryWords.Reader reader) {
        StringBuilder s = new StringBuilder();
        a.changes().forEach((field, change) -> {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(reader.field(field)).append(": ");
            if (change.before() != null) {
                s.append(reader.value(field, change.before()).text()).append(" → ");
            }
            s.append(reader.value(field, change.after()).text());
        });
        return s.toString();
    }

    byte[] pdf(EvaluationView e, List<ExtractLine> extract, Locale locale) {
        boolean fontFound = font != null && Files.isReadable(font);
        Context context = new Context(locale);
        context.setVariable("e", e);
        context.setVariable("extract", extract);
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
