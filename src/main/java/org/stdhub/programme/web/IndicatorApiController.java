package org.stdhub.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.*;
import org.stdhub.programme.Center;
import org.stdhub.programme.Indicator;
import org.stdhub.programme.IndicatorForms;
import org.stdhub.programme.IndicatorViews;
import org.stdhub.programme.Indicators;

/** Indicators for machines: targets against actuals, the facts behind each number, entered values, targets. */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorApiController {

    private final Indicators indicators;
    private final Clock clock;

    IndicatorApiController(Indicators indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Every target of the year with its actuals by quarter and traffic light")
    List<IndicatorViews.TargetStatus> dashboard(@RequestParam(required = false) Integer year) {
        return indicators.dashboard(year == null ? LocalDate.now(clock).getYear() : year);
    }

    @GetMapping("/{indicator}/facts")
    @Operation(summary = "The recorded facts behind an indicator's number in a year (optionally one center)")
    List<IndicatorViews.Fact> facts(
            @PathVariable Indicator indicator,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Center center) {
        return indicators.facts(indicator, year == null ? LocalDate.now(clock).getYear() : year, center);
    }

    @PostMapping("/values")
    @Operation(summary = "Enter a value with evidence for an indicator the platform cannot count (marked as entered)")
    IndicatorViews.Fact enter(@RequestBody IndicatorForms.EnteredValue body) {
        return indicators.enter(body);
    }

    @PostMapping("/targets")
    @Operation(summary = "Set a year's target by quarter for a center or one of its units (base office)")
    IndicatorViews.TargetStatus target(@RequestBody IndicatorForms.Target body) {
        return indicators.setTarget(body);
    }
}
