package org.stdhub.research.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdhub.platform.NotFoundException;
import org.stdhub.research.Analytics;
import org.stdhub.research.Landscape;
import org.stdhub.research.Pipeline;

/** The analytics as JSON: the catalog's figures, the group-standard pipeline, a field's standards landscape. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Figures of the strategy research center (public read models)")
class AnalyticsApiController {

    private final Analytics analytics;
    private final FigureLabels labels;

    AnalyticsApiController(Analytics analytics, FigureLabels labels) {
        this.analytics = analytics;
        this.labels = labels;
    }

    @Operation(
            summary = "Every figure of the catalog (standards per kind, status, body, field, year, age, overdue"
                    + " reviews, adoption of international standards per field), with labels in the request's language")
    @GetMapping("/catalog")
    List<FigureTable> catalog(Locale locale) {
        return analytics.catalogFigures().stream()
                .map(f -> FigureTable.of(f, labels, locale))
                .toList();
    }

    @Operation(summary = "One figure of the catalog by its key, e.g. catalog.kind")
    @GetMapping("/catalog/{figure}")
    FigureTable figure(@PathVariable String figure, Locale locale) {
        return analytics
                .figure(figure)
                .map(f -> FigureTable.of(f, labels, locale))
                .orElseThrow(() -> new NotFoundException("research.error.figure", figure));
    }

    @Operation(summary = "The group-standard pipeline: projects per alliance and stage group, mean days per stage")
    @GetMapping("/pipeline")
    Pipeline pipeline() {
        return analytics.pipeline();
    }

    @Operation(
            summary = "The output of the verification, training and consulting workflows per month (and lab or"
                    + " course): tasks, conformity reports, evaluations; enrolments, attendances, passed exams,"
                    + " certificates; enquiries received, answered, within the deadline, mean answer days")
    @GetMapping("/workflows")
    List<org.stdhub.research.Throughput> workflows() {
        return analytics.workflows();
    }

    @Operation(summary = "One workflow's output: verification, training or enquiries")
    @GetMapping("/workflows/{source}")
    org.stdhub.research.Throughput workflow(@PathVariable String source) {
        return analytics.workflow(source).orElseThrow(() -> new NotFoundException("research.error.figure", source));
    }

    @Operation(
            summary = "The standards landscape of an ICS class: standards per kind, current international"
                    + " standards without a Chinese adoption, and the adoption drift in the field")
    @GetMapping("/landscape")
    Landscape landscape(@RequestParam String ics, @RequestParam(defaultValue = "50") int limit, Locale locale) {
        return analytics.landscape(ics, Math.max(1, Math.min(limit, 500)), locale);
    }
}
