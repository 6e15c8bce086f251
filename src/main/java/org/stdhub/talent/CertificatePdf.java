package org.stdhub.talent;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.Mailer;

/**
 * A certificate as a PDF (openhtmltopdf): holder, title, number, dates and status, with the CJK font embedded
 * ({@code stdhub.pdf.cjk-font}, Debian's {@code fonts-wqy-microhei} by default) and a QR code (ZXing) of the public
 * verification page {@code /certificates/{number}}.
 */
@Component
class CertificatePdf {

    private static final String FAMILY = "StdHubCJK";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Path font;
    private final Mailer mailer;

    CertificatePdf(
            @Value("${stdhub.pdf.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") Path font, Mailer mailer) {
        this.font = font;
        this.mailer = mailer;
    }

    String verificationUrl(String number) {
        return mailer.baseUrl() + "/certificates/" + number;
    }

    byte[] render(CertificateView c) {
        String url = verificationUrl(c.number());
        boolean fontFound = Files.isReadable(font);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><style>")
                .append("@page { size: A4 landscape; margin: 18mm; }")
                .append("body { font-family: '")
                .append(FAMILY)
                .append("', sans-serif; text-align: center; color: #222; }")
                .append(".frame { border: 3px double #8a6d3b; padding: 14mm; }")
                .append("h1 { font-size: 30pt; letter-spacing: 8pt; margin: 0 0 6mm 0; }")
                .append(".holder { font-size: 22pt; margin: 8mm 0 4mm 0; }")
                .append(".title { font-size: 16pt; margin-bottom: 8mm; }")
                .append(".meta { font-size: 11pt; color: #444; }")
                .append(".revoked { color: #b00; font-size: 16pt; font-weight: bold; }")
                .append("img { width: 32mm; height: 32mm; }")
                .append("</style></head><body><div class=\"frame\">")
                .append("<h1>培训合格证书</h1><div class=\"meta\">Certificate of Training</div>")
                .append("<div class=\"holder\">")
                .append(esc(c.holderName()))
                .append("</div><div class=\"title\">")
                .append(esc(c.titleZh()));
        if (c.titleEn() != null) {
            html.append("<br/>").append(esc(c.titleEn()));
        }
        html.append("</div>");
        if (c.status() == CertificateView.Status.REVOKED) {
            html.append("<p class=\"revoked\">已撤销 / REVOKED: ")
                    .append(esc(c.revocationReason()))
                    .append("</p>");
        }
        html.append("<p class=\"meta\">证书编号 / No. <b id=\"number\">")
                .append(esc(c.number()))
                .append("</b></p><p class=\"meta\">发证日期 / Issued ")
                .append(DATE.format(c.issuedOn()))
                .append(" (")
                .append(c.issuedOn())
                .append(")");
        if (c.validUntil() != null) {
            html.append(" · 有效期至 / Valid until ")
                    .append(DATE.format(c.validUntil()))
                    .append(" (")
                    .append(c.validUntil())
                    .append(")");
        }
        html.append("</p><p><img alt=\"QR\" src=\"data:image/png;base64,")
                .append(qrPng(url))
                .append("\"/></p><p class=\"meta\">扫码或访问以下地址核验 / Verify at: ")
                .append(esc(url))
                .append("</p>");
        if (!fontFound) {
            html.append("<p class=\"meta\">(CJK font not found: ")
                    .append(esc(font.toString()))
                    .append(")</p>");
        }
        html.append("</div></body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (fontFound) {
                builder.useFont(font.toFile(), FAMILY);
            }
            builder.withHtmlContent(ControlCharacters.xmlSafe(html.toString()), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The QR code (error correction M) of {@code text} as a PNG, base64. */
    static String qrPng(String text) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int scale = 8;
            BufferedImage image =
                    new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
