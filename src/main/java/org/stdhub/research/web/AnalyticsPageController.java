package org.stdhub.research.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.RateLimited;
import org.stdhub.platform.UserFacingException;
import org.stdhub.research.Analytics;
import org.stdhub.research.Figure;
import org.stdhub.research.Pipeline;

/**
 * The public analytics dashboard (charts with an accessible table beside each, CSV/xlsx per figure), the
 * group-standard pipeline, and the standards landscape of a field.
 */
@Controller
class AnalyticsPageController {

    static final int LANDSCAPE_ROWS = 50;

    private final Analytics analytics;
    private final FigureLabels labels;
    private final FigureExport export;

    AnalyticsPageController(Analytics analytics, FigureLabels labels, FigureExport export) {
        this.analytics = analytics;
        this.labels = labels;
        this.export = export;
    }

    /** A figure's table and its chart, for the page. */
    record Panel(FigureTable table, String chart) {}

    @GetMapping("/analytics")
    String dashboard(Model model, Locale locale) {
        List<Panel> panels = analytics.catalogFigures().stream()
                .map(f -> FigureTable.of(f, labels, locale))
                .map(t -> new Panel(t, ChartSpec.of(t).json()))
                .toList();
        model.addAttribute("panels", panels);
        model.addAttribute(
                "refreshedAt",
                panels.isEmpty() ? null : panels.getFirst().table().refreshedAt());
        Pipeline pipeline = analytics.pipeline();
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("groups", Pipeline.GROUPS);
        model.addAttribute("workflows", analytics.workflows());
        return "research/analytics";
    }

    @RateLimited
    @GetMapping("/analytics/export")
    ResponseEntity<byte[]> export(
            @RequestParam String figure, @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new UserFacingException("research.error.format", format);
        }
        Figure f = analytics.figure(figure).orElseThrow(() -> new NotFoundException("research.error.figure", figure));
        boolean csv = format.equals("csv");
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("stdhub-" + figure.replace('.', '-') + "-" + LocalDate.now() + "." + format)
                                .build()
                                .toString())
                .contentType(
                        csv
                                ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                                : MediaType.parseMediaType(FigureExport.XLSX))
                .body(csv ? export.csv(f, locale) : export.xlsx(f, locale));
    }

    @GetMapping("/analytics/landscape")
    String landscape(@RequestParam(required = false) String ics, Model model, Locale locale) {
        model.addAttribute("ics", ics == null ? "" : ics);
        if (ics != null && !ics.isBlank()) {
            try {
                model.addAttribute("landscape", analytics.landscape(ics, LANDSCAPE_ROWS, locale));
            } catch (UserFacingException e) {
                model.addAttribute("problem", e);
            }
        }
        return "research/landscape";
    }
}
