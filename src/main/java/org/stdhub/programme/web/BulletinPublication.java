package org.stdhub.programme.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.programme.BulletinView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A published bulletin as others take it: an Atom feed of all (Rome) and one as PDF (openhtmltopdf, with the CJK font
 * of {@code stdhub.pdf.cjk-font} embedded so that Chinese shows).
 */
@Component
class BulletinPublication {

    static final String CJK_FAMILY = "cjk";

    private final ITemplateEngine templates;
    private final Path font;

    BulletinPublication(
            ITemplateEngine templates,
            @Value("${stdhub.pdf.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path font) {
        this.templates = templates;
        this.font = font;
    }

    String atom(List<BulletinView> bulletins, String base) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri("urn:stdhub:bulletins");
        feed.setTitle("StdHub · 基地建设简报 / Base bulletins");
        feed.setLink(base + "/bulletins");
        feed.setDescription("基地建设简报 / Base bulletins");
        feed.setAuthor("StdHub");
        feed.setPublishedDate(Date.from(
                bulletins.isEmpty() ? Instant.EPOCH : bulletins.getFirst().publishedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (BulletinView b : bulletins) {
            SyndEntry e = new SyndEntryImpl();
            e.setUri("urn:stdhub:bulletin:" + b.id());
            e.setTitle(ControlCharacters.xmlSafe(b.title()));
            e.setLink(base + "/bulletins/" + b.id());
            e.setPublishedDate(Date.from(b.publishedAt()));
            e.setUpdatedDate(Date.from(b.publishedAt()));
            SyndContent text = new SyndContentImpl();
            text.setType("text/plain");
            text.setValue(ControlCharacters.xmlSafe(b.body()));
            e.setDescription(text);
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] pdf(BulletinView b, Locale locale) {
        boolean fontFound = font != null && Files.isReadable(font);
        Context context = new Context(locale);
        context.setVariable("b", b);
        context.setVariable("fontMissing", !fontFound);
        String html = ControlCharacters.xmlSafe(templates.process("programme/bulletin-pdf", context));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (fontFound) {
                builder.useFont(font.toFile(), CJK_FAMILY);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
