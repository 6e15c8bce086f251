package org.stdhub.compliance.check;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PDF reports ({@code stdhub.pdf.*}).
 *
 * @param cjkFont a TrueType font or collection (.ttf, .ttc, .otf with TrueType outlines) with Chinese glyphs,
 *     embedded (as a subset) in every PDF; the default is Debian's {@code fonts-wqy-microhei}. Not bundled with
 *     the application (5 MB). When the file is missing the PDF says so and Chinese text shows as placeholders.
 */
@ConfigurationProperties("stdhub.pdf")
public record PdfProperties(
        @DefaultValue("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
        Path cjkFont) {}
