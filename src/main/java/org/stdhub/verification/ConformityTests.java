package org.stdhub.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.Mailer;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.verification.conformity.ConformityStore;
import org.stdhub.verification.conformity.PdfDocuments;
import org.stdhub.verification.conformity.ReportNumbers;
import org.stdhub.verification.conformity.ReportQrCode;

/**
 * Conformity testing: an enterprise asks a lab to test a product against standards picked from the catalog, clause
 * by clause; the lab's engineers accept or reject, test, record a result per clause and issue a report with an
 * unguessable number and a QR code to its public verification. Every change follows {@link ConformityTransition},
 * is audited ({@link StateChanged}) and checked per request: an enterprise sees only its own requests, a lab only
 * those addressed to it (the base office sees all, and acts on none).
 */
@Service
@Transactional
public class ConformityTests {

    static final String AUDIT_TYPE = "conformity-test";
    private static final int MAX_STANDARDS = 20;
    private static final int MAX_CLAUSES = 300;

    private final ConformityStore store;
    private final StandardPick picker;
    private final Labs labs;
    private final Organizations organizations;
    private final PdfDocuments pdf;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConformityTests(
            ConformityStore store,
            StandardPick picker,
            Labs labs,
            Organizations organizations,
            PdfDocuments pdf,
            Mailer mailer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.picker = picker;
        this.labs = labs;
        this.organizations = organizations;
        this.pdf = pdf;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /** An enterprise user asks a lab for a test. */
    @PreAuthorize("isAuthenticated()")
    public ConformityTestView request(ConformityForms.NewRequest r) {
        return request(r, Actor.current(), false);
    }

    ConformityTestView request(ConformityForms.NewRequest r, Actor me, boolean demo) {
        if (!me.isPerson()) {
            throw new NotPermittedException("verification.error.person-only");
        }
        if (r == null) {
            throw new InvalidInputException(Map.of("product", "verification.conformity.error.product"));
        }
        Long enterpriseId = r.enterpriseId();
        if (enterpriseId == null && me.enterprises().size() == 1) {
            enterpriseId = me.enterprises().iterator().next();
        }
        var errors = new InvalidInputException.Collector();
        errors.check(enterpriseId != null, "enterpriseId", "verification.conformity.error.enterprise");
        errors.check(r.labId() != null, "labId", "verification.conformity.error.lab");
        String product = text(r.product(), 300);
        errors.check(product != null, "product", "verification.conformity.error.product");
        String samples = text(r.samples(), 1000);
        errors.check(samples != null, "samples", "verification.conformity.error.samples");
        LocalDate today = LocalDate.now(clock);
        errors.check(
                r.dueDate() != null && r.dueDate().isAfter(today), "dueDate", "verification.conformity.error.due-date");
        List<ConformityForms.StandardClauses> standards = r.standards() == null ? List.of() : r.standards();
        errors.check(
                !standards.isEmpty() && standards.size() <= MAX_STANDARDS,
                "standards",
                "verification.conformity.error.standards");
        int clauses = 0;
        for (ConformityForms.StandardClauses s : standards) {
            errors.check(
                    s != null && s.clauses() != null && !s.clauses().isEmpty(),
                    "standards",
                    "verification.conformity.error.clauses");
            if (s != null && s.clauses() != null) {
                for (ConformityForms.Clause c : s.clauses()) {
                    clauses++;
                    errors.check(
                            c != null && text(c.number(), 50) != null,
                            "standards",
                            "verification.conformity.error.clause-number");
                    errors.check(
                            c == null
                                    || c.requirement() == null
                                    || c.requirement().isBlank()
                                    || text(c.requirement(), 2000) != null,
                            "standards",
                            "verification.conformity.error.clause-requirement");
                }
            }
        }
        errors.check(clauses <= MAX_CLAUSES, "standards", "verification.conformity.error.clauses");
        errors.throwIfAny();
        if (!me.actsFor(enterpriseId)) {
            throw new NotPermittedException("verification.conformity.error.not-enterprise-user");
        }
        OrganizationView enterprise = organizations.find(enterpriseId);
        OrganizationView lab = organizations.find(r.labId());
        if (lab.kind() != OrganizationKind.LAB) {
            throw new InvalidInputException(Map.of("labId", "verification.conformity.error.not-a-lab"));
        }
        // every standard picked before anything is written: a withdrawn one refuses the whole request
        List<StandardPick.Picked> picked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConformityForms.StandardClauses s : standards) {
            StandardPick.Picked p = picker.pick(s.designation());
            if (!seen.add(p.key())) {
                throw new InvalidInputException(Map.of("standards", "verification.conformity.error.duplicate"));
            }
            picked.add(p);
        }
        Instant now = clock.instant();
        long id = store.insertRequest(
                enterpriseId,
                enterprise.nameZh(),
                lab.id(),
                lab.nameZh(),
                me.personId(),
                me.name(),
                product,
                samples,
                r.dueDate(),
                demo,
                now);
        int clauseSeq = 0;
        for (int i = 0; i < picked.size(); i++) {
            StandardPick.Picked p = picked.get(i);
            long standardId =
                    store.insertStandard(id, i + 1, p.designation(), p.key(), p.title(), p.status(), p.storedWarning());
            for (ConformityForms.Clause c : standards.get(i).clauses()) {
                store.insertClause(
                        id,
                        standardId,
                        ++clauseSeq,
                        c.number().strip(),
                        c.requirement() == null || c.requirement().isBlank()
                                ? null
                                : c.requirement().strip());
            }
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "requested")
                .withChange("enterprise", null, enterpriseId)
                .withChange("lab", null, lab.id())
                .withChange("product", null, product)
                .withChange(
                        "standards",
                        null,
                        String.join(
                                ", ",
                                picked.stream()
                                        .map(StandardPick.Picked::designation)
                                        .toList()))
                .withChange("clauses", null, clauseSeq)
                .withChange("dueDate", null, r.dueDate()));
        return view(load(id), me);
    }

    /** A transition other than the report: accept, reject, start (the lab), cancel (the enterprise). */
    @PreAuthorize("isAuthenticated()")
    public ConformityTestView transition(long id, ConformityTransition transition, String note) {
        if (transition == null || transition == ConformityTransition.REPORT) {
            throw new InvalidInputException(Map.of("transition", "verification.conformity.error.transition"));
        }
        Actor me = Actor.current();
        ConformityStore.RequestRow r = visible(id, me);
        check(r, transition, me);
        String reason = note == null || note.isBlank() ? null : text(note, 1000);
        boolean reasonNeeded = transition == ConformityTransition.REJECT || transition == ConformityTransition.CANCEL;
        if (reasonNeeded && reason == null) {
            throw new InvalidInputException(Map.of("note", "verification.conformity.error.reason"));
        }
        if (!store.changeState(id, r.version(), transition.to().name(), reason, clock.instant())) {
            throw new ConflictException("verification.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, transition.name().toLowerCase(Locale.ROOT))
                .withChange("state", r.state(), transition.to())
                .withComment(reason));
        return view(load(id), me);
    }

    /** The lab records results per clause while testing. */
    @PreAuthorize("isAuthenticated()")
    public ConformityTestView record(long id, List<ConformityForms.ClauseResult> results) {
        Actor me = Actor.current();
        ConformityStore.RequestRow r = visible(id, me);
        if (!engineerOf(me, r.labId())) {
            throw new NotPermittedException("verification.conformity.error.not-lab-engineer");
        }
        if (ConformityState.valueOf(r.state()) != ConformityState.TESTING) {
            throw new ConflictException("verification.conformity.error.not-testing", r.state());
        }
        Map<Long, ConformityStore.ClauseRow> clauses = new HashMap<>();
        store.clauses(id).forEach(c -> clauses.put(c.id(), c));
        var errors = new InvalidInputException.Collector();
        List<ConformityForms.ClauseResult> list = results == null ? List.of() : results;
        errors.check(!list.isEmpty(), "results", "verification.conformity.error.results");
        for (ConformityForms.ClauseResult c : list) {
            errors.check(
                    c != null && c.clauseId() != null && clauses.containsKey(c.clauseId()),
                    "clauseId",
                    "verification.conformity.error.clause");
            errors.check(
                    c != null && ("PASS".equals(c.verdict()) || "FAIL".equals(c.verdict())),
                    "verdict",
                    "verification.conformity.error.verdict");
            errors.check(
                    c != null && text(c.measured(), 200) != null, "measured", "verification.conformity.error.measured");
            errors.check(
                    c == null || c.unit() == null || c.unit().isBlank() || text(c.unit(), 50) != null,
                    "unit",
                    "verification.conformity.error.unit");
        }
        errors.throwIfAny();
        // every instrument checked before anything is written: one whose calibration is due refuses the whole batch
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> instruments = new HashMap<>();
        for (ConformityForms.ClauseResult c : list) {
            if (c.equipmentId() != null && !instruments.containsKey(c.equipmentId())) {
                labs.requireUsable(r.labId(), c.equipmentId(), today);
                instruments.put(c.equipmentId(), labs.equipmentName(c.equipmentId()));
            }
        }
        Instant now = clock.instant();
        for (ConformityForms.ClauseResult c : list) {
            ConformityStore.ClauseRow before = clauses.get(c.clauseId());
            String unit =
                    c.unit() == null || c.unit().isBlank() ? null : c.unit().strip();
            String instrument = c.equipmentId() == null ? null : instruments.get(c.equipmentId());
            store.recordResult(
                    c.clauseId(), c.measured().strip(), unit, c.verdict(), c.equipmentId(), instrument, me.name(), now);
            events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "result-recorded")
                    .withChange("clause", null, before.clauseNo())
                    .withChange(
                            "result",
                            before.verdict() == null ? null : before.measured() + " " + before.verdict(),
                            c.measured().strip() + (unit == null ? "" : " " + unit) + " " + c.verdict()
                                    + (instrument == null ? "" : " · " + instrument)));
        }
        return view(load(id), me);
    }

    /** The lab issues the report: every clause must have a result; the report gets its number. */
    @PreAuthorize("isAuthenticated()")
    public ConformityTestView issueReport(long id, String conclusion) {
        return issueReport(id, conclusion, Actor.current());
    }

    ConformityTestView issueReport(long id, String conclusion, Actor me) {
        ConformityStore.RequestRow r = visible(id, me);
        check(r, ConformityTransition.REPORT, me);
        if (store.clauses(id).stream().anyMatch(c -> c.verdict() == null)) {
            throw new ConflictException("verification.conformity.error.results-missing");
        }
        String text = text(conclusion, 2000);
        if (text == null) {
            throw new InvalidInputException(Map.of("conclusion", "verification.conformity.error.conclusion"));
        }
        LocalDate today = LocalDate.now(clock);
        String number;
        do {
            number = ReportNumbers.next(today);
        } while (store.reportNumberTaken(number));
        if (!store.issueReport(id, r.version(), number, today, text, me.name(), clock.instant())) {
            throw new ConflictException("verification.error.changed-meanwhile");
        }
        List<String> designations = store.standards(id).stream()
                .map(ConformityStore.StandardRow::designation)
                .toList();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "reported")
                .withChange("state", r.state(), ConformityState.REPORTED)
                .withChange("reportNumber", null, number)
                .withComment(text));
        events.publishEvent(new ConformityReportIssued(number, id, r.enterpriseId(), r.labId(), designations, today));
        return view(load(id), me);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ConformityTestView get(long id) {
        Actor me = Actor.current();
        return view(visible(id, me), me);
    }

    /** The requests the viewer may see: the enterprise's own, those addressed to the lab; all for the base office. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ConformityTestView> visible() {
        Actor me = Actor.current();
        List<ConformityStore.RequestRow> rows =
                me.isOffice() ? store.latest(500) : store.of(me.enterprises(), me.labs(), 500);
        return rows.stream().map(r -> view(r, me)).toList();
    }

    /** Public: the issued report with this number, as its verification page shows it. */
    @Transactional(readOnly = true)
    public ConformityReportView report(String number) {
        String n = ReportNumbers.normalize(number);
        if (!ReportNumbers.wellFormed(n)) {
            throw new NotFoundException("verification.conformity.error.no-report");
        }
        ConformityStore.RequestRow r = store.byReportNumber(n)
                .orElseThrow(() -> new NotFoundException("verification.conformity.error.no-report"));
        ConformityTestView v = view(r, new Actor(null, false));
        return new ConformityReportView(
                r.reportNumber(),
                r.enterpriseName(),
                r.labName(),
                r.product(),
                r.samples(),
                r.reportIssuedOn(),
                r.reportConclusion(),
                r.demo(),
                v.standards(),
                v.clauses(),
                verificationUrl(r.reportNumber()));
    }

    /** The public verification address of a report (what its QR code holds). */
    public String verificationUrl(String number) {
        return mailer.baseUrl() + "/test-reports/" + number;
    }

    /** Public: the QR code (PNG data URI) of a report's verification address. */
    public String qrCode(String number) {
        return ReportQrCode.dataUri(verificationUrl(number));
    }

    /** Public: the issued report as a PDF (anyone holding the number may verify it). */
    @Transactional(readOnly = true)
    public byte[] reportPdf(String number, Locale locale) {
        ConformityReportView report = report(number);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("report", report);
        vars.put("qr", qrCode(report.number()));
        vars.put("en", "en".equals(locale.getLanguage()));
        return pdf.render("verification/conformity-report-pdf", vars, locale);
    }

    // ---------------------------------------------------------------- internals

    private ConformityStore.RequestRow load(long id) {
        return store.request(id).orElseThrow(() -> new NotFoundException("verification.conformity.error.not-found"));
    }

    /** The request, if the viewer may see it: its enterprise's users, its lab's engineers, the base office. */
    private ConformityStore.RequestRow visible(long id, Actor me) {
        ConformityStore.RequestRow r = load(id);
        if (!(me.isOffice() || me.actsFor(r.enterpriseId()) || engineerOf(me, r.labId()))) {
            throw new NotPermittedException("verification.conformity.error.not-yours");
        }
        return r;
    }

    /**
     * The actor is an engineer of the lab as the labs keep them ({@link Labs#isEngineerOf} asks about the signed-in
     * person, who is the actor wherever a person acts; the anonymous reader of a public report is nobody's engineer).
     */
    private boolean engineerOf(Actor me, long labId) {
        return me.isPerson() && labs.isEngineerOf(labId);
    }

    private void check(ConformityStore.RequestRow r, ConformityTransition t, Actor me) {
        boolean party = switch (t.party()) {
            case ENTERPRISE -> me.actsFor(r.enterpriseId());
            case LAB -> engineerOf(me, r.labId());
        };
        if (!party) {
            throw new NotPermittedException(
                    t.party() == ConformityTransition.Party.LAB
                            ? "verification.conformity.error.not-lab-engineer"
                            : "verification.conformity.error.not-enterprise-user");
        }
        ConformityState state = ConformityState.valueOf(r.state());
        if (!t.allowedFrom(state)) {
            throw new ConflictException("verification.conformity.error.illegal-transition", t.name(), state.name());
        }
    }

    private ConformityTestView view(ConformityStore.RequestRow r, Actor me) {
        List<ConformityStore.StandardRow> standards = store.standards(r.id());
        Map<Long, String> designationOf = new HashMap<>();
        standards.forEach(s -> designationOf.put(s.id(), s.designation()));
        List<ConformityTestView.StandardLine> lines = standards.stream()
                .map(s -> {
                    String key = null;
                    String arg = null;
                    if (s.warning() != null) {
                        int bar = s.warning().indexOf('|');
                        key = bar < 0 ? s.warning() : s.warning().substring(0, bar);
                        arg = bar < 0 ? null : s.warning().substring(bar + 1);
                    }
                    return new ConformityTestView.StandardLine(
                            s.id(),
                            s.designation(),
                            s.title(),
                            s.status(),
                            key,
                            arg,
                            s.flag(),
                            s.flagRelated(),
                            s.flaggedAt() == null ? null : s.flaggedAt().toInstant());
                })
                .toList();
        List<ConformityTestView.ClauseLine> clauses = store.clauses(r.id()).stream()
                .map(c -> new ConformityTestView.ClauseLine(
                        c.id(),
                        c.standardId(),
                        designationOf.get(c.standardId()),
                        c.clauseNo(),
                        c.requirement(),
                        c.measured(),
                        c.unit(),
                        c.verdict(),
                        c.recordedBy(),
                        c.recordedAt() == null ? null : c.recordedAt().toInstant(),
                        c.equipmentName()))
                .toList();
        List<ConformityTestView.Notice> notices = store.notices(r.id()).stream()
                .map(n -> new ConformityTestView.Notice(
                        n.designation(), n.kind(), n.related(), n.createdAt().toInstant()))
                .toList();
        ConformityState state = ConformityState.valueOf(r.state());
        boolean allRecorded = clauses.stream().allMatch(c -> c.verdict() != null);
        List<ConformityTransition> allowed = new ArrayList<>();
        for (ConformityTransition t : ConformityTransition.values()) {
            boolean party = t.party() == ConformityTransition.Party.LAB
                    ? engineerOf(me, r.labId())
                    : me.actsFor(r.enterpriseId());
            if (party && t.allowedFrom(state) && (t != ConformityTransition.REPORT || allRecorded)) {
                allowed.add(t);
            }
        }
        return new ConformityTestView(
                r.id(),
                r.enterpriseId(),
                r.enterpriseName(),
                r.labId(),
                r.labName(),
                r.requesterName(),
                r.product(),
                r.samples(),
                r.dueDate(),
                state,
                r.stateReason(),
                r.reportNumber(),
                r.reportIssuedOn(),
                r.reportConclusion(),
                r.demo(),
                r.createdAt().toInstant(),
                lines,
                clauses,
                notices,
                allowed,
                engineerOf(me, r.labId()));
    }

    /** Text stripped, or null when blank, too long or carrying control characters (line breaks and tabs allowed). */
    static String text(String s, int max) {
        if (s == null
                || s.isBlank()
                || ControlCharacters.present(
                        s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
            return null;
        }
        String t = s.strip();
        return t.length() <= max ? t : null;
    }
}
