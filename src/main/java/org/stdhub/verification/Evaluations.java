package org.stdhub.verification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardNotFoundException;
import org.stdhub.catalog.StandardStatus;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;
import org.stdhub.talent.DrawPurpose;
import org.stdhub.talent.DrawState;
import org.stdhub.talent.DrawView;
import org.stdhub.talent.Draws;
import org.stdhub.verification.conformity.PdfDocuments;
import org.stdhub.verification.evaluation.EconomicBenefit;
import org.stdhub.verification.evaluation.EvaluationStore;

/**
 * Evaluations of published standards by the base office with a panel drawn through the talent center (a draw of
 * purpose EVALUATION): economic benefit (inputs with provenance; indicators with formula, inputs and source, none
 * presented as the national method), technical level beside the related international standards (the catalog's
 * adoption data and the panel's key indicators), applicability (implementing enterprises answer a questionnaire).
 * Steps: draft → panel drawn → scoring → signed off → issued ({@link EvaluationIssued}); every change audited.
 * Issued evaluations are public; the others are the base office's.
 */
@Service
@Transactional
public class Evaluations {

    static final String AUDIT_TYPE = "evaluation";
    private static final String OFFICE = "hasAnyRole('ADMIN', 'BASE_OFFICER')";
    private static final Set<String> ASSESSMENTS = Set.of("HIGHER", "EQUAL", "LOWER");

    private final EvaluationStore store;
    private final CatalogService catalog;
    private final Draws draws;
    private final Organizations organizations;
    private final PdfDocuments pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Evaluations(
            EvaluationStore store,
            CatalogService catalog,
            Draws draws,
            Organizations organizations,
            PdfDocuments pdf,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.draws = draws;
        this.organizations = organizations;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
    }

    /** Opens an evaluation of a standard in the catalog that is not withdrawn. */
    @PreAuthorize(OFFICE)
    public EvaluationView create(EvaluationForms.NewEvaluation n) {
        return create(n, Actor.current(), false);
    }

    EvaluationView create(EvaluationForms.NewEvaluation n, Actor me, boolean demo) {
        if (!me.isPerson()) {
            throw new NotPermittedException("verification.error.person-only");
        }
        String typed = n == null ? null : ConformityTests.text(n.designation(), 200);
        if (typed == null) {
            throw new InvalidInputException(Map.of("designation", "verification.evaluation.error.designation"));
        }
        StandardDetail s;
        try {
            s = catalog.detail(typed);
        } catch (StandardNotFoundException e) {
            throw new UserFacingException("verification.conformity.error.not-in-catalog", typed);
        }
        if (StandardStatus.WITHDRAWN.is(s.status())) {
            throw new ConflictException("verification.evaluation.error.withdrawn", s.designation());
        }
        long id = store.insert(
                s.designation(),
                s.titleZh() != null ? s.titleZh() : s.titleEn(),
                me.personId(),
                me.name(),
                demo,
                clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created").withChange("standard", null, s.designation()));
        return view(load(id), me);
    }

    /** Links the panel: a draw of purpose EVALUATION, drawn (or decided); its serving members form the panel. */
    @PreAuthorize(OFFICE)
    public EvaluationView linkPanel(long id, EvaluationForms.Panel p) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        requireState(e, EvaluationState.DRAFT);
        if (p == null || p.drawId() == null) {
            throw new InvalidInputException(Map.of("drawId", "verification.evaluation.error.draw"));
        }
        DrawView d = draws.get(p.drawId());
        if (d.purpose() != DrawPurpose.EVALUATION) {
            throw new ConflictException("verification.evaluation.error.draw-purpose", d.id());
        }
        if (d.state() != DrawState.DRAWN && d.state() != DrawState.DECIDED) {
            throw new ConflictException("verification.evaluation.error.draw-not-drawn", d.id());
        }
        List<DrawView.PositionView> members = d.positions().stream()
                .filter(DrawView.PositionView::member)
                .filter(x -> "SERVING".equals(x.outcome()))
                .toList();
        if (members.isEmpty()) {
            throw new ConflictException("verification.evaluation.error.draw-sealed", d.id());
        }
        store.linkDraw(id, d.id());
        int seq = 0;
        for (DrawView.PositionView m : members) {
            store.addMember(id, ++seq, m.expertId(), m.expertName());
        }
        change(e, EvaluationState.PANEL_DRAWN);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "panel-drawn")
                .withChange("state", e.state(), EvaluationState.PANEL_DRAWN)
                .withChange("draw", null, d.id())
                .withChange(
                        "panel",
                        null,
                        String.join(
                                ", ",
                                members.stream()
                                        .map(DrawView.PositionView::expertName)
                                        .toList())));
        return view(load(id), me);
    }

    /** Scoring begins (after the panel is drawn). */
    @PreAuthorize(OFFICE)
    public EvaluationView startScoring(long id) {
        EvaluationStore.EvaluationRow e = load(id);
        requireState(e, EvaluationState.PANEL_DRAWN);
        change(e, EvaluationState.SCORING);
        events.publishEvent(
                StateChanged.of(AUDIT_TYPE, id, "scoring").withChange("state", e.state(), EvaluationState.SCORING));
        return view(load(id), Actor.current());
    }

    /** Sets an economic input with its provenance, while inputs are open. */
    @PreAuthorize(OFFICE)
    public EvaluationView setInput(long id, EvaluationForms.Input in) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        if (!EvaluationState.valueOf(e.state()).inputsOpen()) {
            throw new ConflictException("verification.evaluation.error.closed", e.state());
        }
        var errors = new InvalidInputException.Collector();
        errors.check(
                in != null && EconomicBenefit.INPUTS.contains(in.name()),
                "name",
                "verification.evaluation.error.input-name");
        errors.check(
                in != null && in.amount() != null && in.amount().abs().compareTo(new BigDecimal("1e17")) < 0,
                "amount",
                "verification.evaluation.error.amount");
        String source = in == null ? null : ConformityTests.text(in.source(), 1000);
        errors.check(source != null, "source", "verification.evaluation.error.source");
        errors.throwIfAny();
        if (("t".equals(in.name())
                        && (in.amount().signum() <= 0
                                || in.amount().stripTrailingZeros().scale() > 0
                                || in.amount().compareTo(BigDecimal.valueOf(100)) > 0))
                || ("i".equals(in.name())
                        && (in.amount().signum() < 0 || in.amount().compareTo(BigDecimal.ONE) >= 0))) {
            throw new InvalidInputException(Map.of(
                    "amount",
                    "verification.evaluation.error.amount-" + in.name().toLowerCase(Locale.ROOT)));
        }
        var before = store.setInput(id, in.name(), in.amount(), source, me.name(), clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "input-set")
                .withChange(
                        in.name(),
                        before.map(BigDecimal::toPlainString).orElse(null),
                        in.amount().toPlainString())
                .withComment(source));
        return view(load(id), me);
    }

    /** Adds a value driver of the ISO worksheet, while inputs are open. */
    @PreAuthorize(OFFICE)
    public EvaluationView addDriver(long id, EvaluationForms.Driver d) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        if (!EvaluationState.valueOf(e.state()).inputsOpen()) {
            throw new ConflictException("verification.evaluation.error.closed", e.state());
        }
        var errors = new InvalidInputException.Collector();
        String function = d == null ? null : ConformityTests.text(d.businessFunction(), 100);
        String driver = d == null ? null : ConformityTests.text(d.driver(), 200);
        String source = d == null ? null : ConformityTests.text(d.source(), 1000);
        errors.check(function != null, "businessFunction", "verification.evaluation.error.function");
        errors.check(driver != null, "driver", "verification.evaluation.error.driver");
        errors.check(source != null, "source", "verification.evaluation.error.source");
        errors.check(
                d != null
                        && d.baselineCost() != null
                        && d.costWith() != null
                        && d.baselineRevenue() != null
                        && d.revenueWith() != null,
                "amount",
                "verification.evaluation.error.amount");
        errors.check(
                d != null
                        && d.margin() != null
                        && d.margin().signum() >= 0
                        && d.margin().compareTo(BigDecimal.ONE) <= 0,
                "margin",
                "verification.evaluation.error.margin");
        errors.throwIfAny();
        store.addDriver(
                id,
                function,
                driver,
                d.baselineCost(),
                d.costWith(),
                d.baselineRevenue(),
                d.revenueWith(),
                d.margin(),
                source);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "driver-added")
                .withChange("driver", null, function + " / " + driver)
                .withComment(source));
        return view(load(id), me);
    }

    /** The panel's key indicator beside a related international standard, while scoring. */
    @PreAuthorize(OFFICE)
    public EvaluationView addIndicator(long id, EvaluationForms.Indicator in) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        requireState(e, EvaluationState.SCORING);
        var errors = new InvalidInputException.Collector();
        String intl = in == null ? null : ConformityTests.text(in.internationalDesignation(), 200);
        String indicator = in == null ? null : ConformityTests.text(in.indicator(), 300);
        String national = in == null ? null : ConformityTests.text(in.nationalValue(), 200);
        String international = in == null ? null : ConformityTests.text(in.internationalValue(), 200);
        errors.check(intl != null, "internationalDesignation", "verification.evaluation.error.international");
        errors.check(indicator != null, "indicator", "verification.evaluation.error.indicator");
        errors.check(
                national != null && international != null, "nationalValue", "verification.evaluation.error.values");
        errors.check(
                in != null && ASSESSMENTS.contains(in.assessment()),
                "assessment",
                "verification.evaluation.error.assessment");
        errors.throwIfAny();
        String degree = adoptions(e.designation()).stream()
                .filter(a -> a.designation().equalsIgnoreCase(intl))
                .map(EvaluationView.Adoption::degree)
                .findFirst()
                .orElse(null);
        store.addIndicator(id, intl, degree, indicator, national, international, in.assessment());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "indicator-added")
                .withChange(
                        "indicator",
                        null,
                        indicator + ": " + national + " / " + intl + " " + international + " " + in.assessment()));
        return view(load(id), me);
    }

    /** An implementing enterprise answers the applicability questionnaire, once, while scoring. */
    @PreAuthorize("isAuthenticated()")
    public EvaluationView respond(long id, EvaluationForms.Response r) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        Long enterpriseId = r == null ? null : r.enterpriseId();
        if (enterpriseId == null && me.enterprises().size() == 1) {
            enterpriseId = me.enterprises().iterator().next();
        }
        if (enterpriseId == null || !me.actsFor(enterpriseId)) {
            throw new NotPermittedException("verification.evaluation.error.not-enterprise-user");
        }
        requireState(e, EvaluationState.SCORING);
        var errors = new InvalidInputException.Collector();
        errors.check(score(r.clarity()), "clarity", "verification.evaluation.error.score");
        errors.check(score(r.feasibility()), "feasibility", "verification.evaluation.error.score");
        errors.check(score(r.costFit()), "costFit", "verification.evaluation.error.score");
        errors.check(score(r.effect()), "effect", "verification.evaluation.error.score");
        String remarks = r.remarks() == null || r.remarks().isBlank() ? null : ConformityTests.text(r.remarks(), 2000);
        errors.check(
                r.remarks() == null || r.remarks().isBlank() || remarks != null,
                "remarks",
                "verification.evaluation.error.remarks");
        errors.throwIfAny();
        if (store.responded(id, enterpriseId)) {
            throw new ConflictException("verification.evaluation.error.responded");
        }
        String name = organizations.find(enterpriseId).nameZh();
        store.addResponse(
                id,
                enterpriseId,
                name,
                r.clarity(),
                r.feasibility(),
                r.costFit(),
                r.effect(),
                remarks,
                me.name(),
                clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "response-recorded")
                .withChange("enterprise", null, enterpriseId)
                .withChange(
                        "scores", null, r.clarity() + "/" + r.feasibility() + "/" + r.costFit() + "/" + r.effect()));
        return view(load(id), me);
    }

    /**
     * Records the panel's sign-off with its conclusion: the economic indicators must be computable, and the panel
     * must have entered at least one key indicator and received at least one questionnaire response.
     */
    @PreAuthorize(OFFICE)
    public EvaluationView signOff(long id, EvaluationForms.SignOff s) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        requireState(e, EvaluationState.SCORING);
        String conclusion = s == null ? null : ConformityTests.text(s.conclusion(), 4000);
        if (conclusion == null) {
            throw new InvalidInputException(Map.of("conclusion", "verification.evaluation.error.conclusion"));
        }
        EvaluationView v = view(e, me);
        List<String> missing = new ArrayList<>();
        v.classical().stream()
                .filter(i -> i.value() == null && !"X_d".equals(i.code()) && !"E_d".equals(i.code()))
                .findFirst()
                .ifPresent(i -> missing.add(i.code() + " (" + i.missing() + ")"));
        if (v.indicators().isEmpty()) {
            missing.add("technical indicators");
        }
        if (v.responses().isEmpty()) {
            missing.add("questionnaire responses");
        }
        if (!missing.isEmpty()) {
            throw new ConflictException("verification.evaluation.error.incomplete", String.join("; ", missing));
        }
        store.signOff(id, conclusion, clock.instant());
        change(e, EvaluationState.SIGNED_OFF);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "signed-off")
                .withChange("state", e.state(), EvaluationState.SIGNED_OFF)
                .withChange(
                        "panel",
                        null,
                        String.join(
                                ", ",
                                v.panel().stream()
                                        .map(EvaluationView.Member::expertName)
                                        .toList()))
                .withComment(conclusion));
        return view(load(id), me);
    }

    /** Issues a signed-off evaluation: it becomes public; {@link EvaluationIssued} is published. */
    @PreAuthorize(OFFICE)
    public EvaluationView issue(long id) {
        EvaluationStore.EvaluationRow e = load(id);
        requireState(e, EvaluationState.SIGNED_OFF);
        Instant now = clock.instant();
        store.issued(id, now);
        change(e, EvaluationState.ISSUED);
        events.publishEvent(
                StateChanged.of(AUDIT_TYPE, id, "issued").withChange("state", e.state(), EvaluationState.ISSUED));
        events.publishEvent(new EvaluationIssued(id, e.designation(), e.drawId() == null ? 0 : e.drawId(), now));
        return view(load(id), Actor.current());
    }

    /** One evaluation: issued ones for anyone, the others for the base office. */
    @Transactional(readOnly = true)
    public EvaluationView get(long id) {
        Actor me = Actor.current();
        EvaluationStore.EvaluationRow e = load(id);
        boolean issued = EvaluationState.valueOf(e.state()) == EvaluationState.ISSUED;
        boolean scoringForEnterprise = EvaluationState.valueOf(e.state()) == EvaluationState.SCORING
                && !me.enterprises().isEmpty();
        if (!issued && !me.isOffice() && !scoringForEnterprise) {
            throw new NotFoundException("verification.evaluation.error.not-found");
        }
        return view(e, me);
    }

    /** The evaluations the viewer may see: all for the base office; issued ones and those open for answers for others. */
    @Transactional(readOnly = true)
    public List<EvaluationView> list() {
        Actor me = Actor.current();
        List<EvaluationStore.EvaluationRow> rows = me.isOffice()
                ? store.all()
                : store.all().stream()
                        .filter(e -> "ISSUED".equals(e.state())
                                || ("SCORING".equals(e.state())
                                        && !me.enterprises().isEmpty()))
                        .toList();
        return rows.stream().map(e -> view(e, me)).toList();
    }

    /** The issued evaluations of one standard (for traceability and the standard's page). */
    @Transactional(readOnly = true)
    public List<Long> issuedFor(String designation) {
        return store.issuedFor(designation).stream()
                .map(EvaluationStore.EvaluationRow::id)
                .toList();
    }

    /** The evaluation report as a PDF, for whoever may see the evaluation. */
    @Transactional(readOnly = true)
    public byte[] reportPdf(long id, Locale locale) {
        EvaluationView v = get(id);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("e", v);
        vars.put("en", "en".equals(locale.getLanguage()));
        return pdf.render("verification/evaluation-report-pdf", vars, locale);
    }

    // ---------------------------------------------------------------- internals

    private static boolean score(Integer s) {
        return s != null && s >= 1 && s <= 5;
    }

    private EvaluationStore.EvaluationRow load(long id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("verification.evaluation.error.not-found"));
    }

    private static void requireState(EvaluationStore.EvaluationRow e, EvaluationState state) {
        if (EvaluationState.valueOf(e.state()) != state) {
            throw new ConflictException("verification.evaluation.error.state", e.state(), state.name());
        }
    }

    private void change(EvaluationStore.EvaluationRow e, EvaluationState to) {
        if (!store.changeState(e.id(), e.version(), to.name(), clock.instant())) {
            throw new ConflictException("verification.error.changed-meanwhile");
        }
    }

    private List<EvaluationView.Adoption> adoptions(String designation) {
        try {
            return catalog.detail(designation).adoptions().stream()
                    .map(a -> new EvaluationView.Adoption(
                            a.standard().designation(),
                            a.standard().titleEn() != null
                                    ? a.standard().titleEn()
                                    : a.standard().titleZh(),
                            a.degree(),
                            a.standard().status()))
                    .toList();
        } catch (StandardNotFoundException e) {
            return List.of();
        }
    }

    private EvaluationView view(EvaluationStore.EvaluationRow e, Actor me) {
        List<EvaluationStore.InputRow> inputRows = store.inputs(e.id());
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        inputRows.forEach(i -> amounts.put(i.name(), i.amount()));
        List<EvaluationStore.DriverRow> driverRows = store.drivers(e.id());
        List<EconomicBenefit.Driver> drivers = driverRows.stream()
                .map(d -> new EconomicBenefit.Driver(
                        d.businessFunction(),
                        d.driver(),
                        d.baselineCost(),
                        d.costWith(),
                        d.baselineRevenue(),
                        d.revenueWith(),
                        d.margin()))
                .toList();
        List<Long> mayRespond = EvaluationState.valueOf(e.state()) == EvaluationState.SCORING
                ? me.enterprises().stream()
                        .filter(org -> !store.responded(e.id(), org))
                        .toList()
                : List.of();
        return new EvaluationView(
                e.id(),
                e.designation(),
                e.title(),
                EvaluationState.valueOf(e.state()),
                e.responsibleName(),
                e.drawId(),
                store.members(e.id()).stream()
                        .map(m -> new EvaluationView.Member(
                                m.seq(),
                                m.expertName(),
                                m.signedAt() == null ? null : m.signedAt().toInstant()))
                        .toList(),
                inputRows.stream()
                        .map(i -> new EvaluationView.Input(
                                i.name(),
                                i.amount().stripTrailingZeros(),
                                i.source(),
                                i.enteredBy(),
                                i.enteredAt().toInstant()))
                        .toList(),
                drivers,
                driverRows.stream().map(EvaluationStore.DriverRow::source).toList(),
                EconomicBenefit.classical(amounts),
                EconomicBenefit.valueChain(drivers, amounts),
                adoptions(e.designation()),
                store.indicators(e.id()).stream()
                        .map(i -> new EvaluationView.Indicator(
                                i.internationalDesignation(),
                                i.degree(),
                                i.indicator(),
                                i.nationalValue(),
                                i.internationalValue(),
                                i.assessment()))
                        .toList(),
                store.responses(e.id()).stream()
                        .map(r -> new EvaluationView.Response(
                                r.enterpriseName(),
                                r.clarity(),
                                r.feasibility(),
                                r.costFit(),
                                r.effect(),
                                r.remarks(),
                                r.respondedAt().toInstant()))
                        .toList(),
                e.conclusion(),
                e.signedOffAt() == null ? null : e.signedOffAt().toInstant(),
                e.issuedAt() == null ? null : e.issuedAt().toInstant(),
                e.demo(),
                me.isOffice(),
                mayRespond);
    }
}
