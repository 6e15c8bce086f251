package org.stdhub.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Evaluations of the building units (annual, mid-term, acceptance) under the effective-dated {@link EvaluationModel}:
 * the base office opens one for a contract's unit, the unit evaluates itself (quantities per item with evidence), the
 * base office has the expert panel drawn through the talent center ({@link EvaluationPanels}), each drawn expert
 * scores their own sheet under their own login (never one of the evaluated unit; before the evaluation concludes the
 * sheets and the experts' names are the panel officer's, who requested the draw, and the administrators' only, see
 * {@link #panelNamesVisible}), the base office concludes with the mean of the seated
 * members' sheets and its class, and sends a failing unit into rectification with a deadline before closing. Every
 * step is audited.
 */
@Service("programmeEvaluations")
@Transactional
public class Evaluations {

    public static final String AUDIT_TYPE = "programme-evaluation";
    private static final String SELF = "SELF";
    private static final String EXPERT = "EXPERT";
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("100000");

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EvaluationPanels panels;
    private final EvaluationModels models;

    Evaluations(
            JdbcClient jdbc,
            Contracts contracts,
            ApplicationEventPublisher events,
            Clock clock,
            EvaluationPanels panels,
            EvaluationModels models) {
        this.models = models;
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.events = events;
        this.clock = clock;
        this.panels = panels;
    }

    /** The model in force on a day (from {@link EvaluationModels}, which the base office keeps). */
    public EvaluationModel modelOn(LocalDate day) {
        return models.inForce(day).orElseThrow(() -> new ConflictException("programme.error.evaluation-no-model"));
    }

    /**
     * The evaluations the viewer may read: all for the base office, its own unit's for a unit member, those whose
     * panel they sit on for a drawn expert.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<EvaluationView> list() {
        ProgrammeViewer viewer = ProgrammeViewer.current();
        java.util.Set<Long> onPanel = panels.evaluationsOf(viewer.personId());
        // the models read once for the whole list, each row scored with the one in force on its date
        List<EvaluationModel> all = models.models();
        return jdbc
                .sql("select * from programme_evaluation order by evaluated_on desc, id desc")
                .query(Evaluations::row)
                .list()
                .stream()
                .filter(r -> viewer.maySee(r.organizationId()) || onPanel.contains(r.id()))
                .map(r -> view(r, EvaluationModel.inForce(all, r.evaluatedOn())))
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public EvaluationView get(long id) {
        return view(visible(id));
    }

    @PreAuthorize(Contracts.OFFICE)
    public EvaluationView open(EvaluationForms.NewEvaluation form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form == null || form.contractId() == null) {
            errors.put("contractId", "programme.error.evaluation-contract-required");
        }
        if (form == null || form.kind() == null) {
            errors.put("kind", "programme.error.evaluation-kind-required");
        }
        String round = form == null || form.round() == null ? "" : form.round().strip();
        if (round.isEmpty() || round.length() > 40) {
            errors.put("round", "programme.error.evaluation-round-required");
        }
        if (form == null || form.evaluatedOn() == null) {
            errors.put("evaluatedOn", "programme.error.evaluation-date-required");
        } else if (models.inForce(form.evaluatedOn()).isEmpty()) {
            errors.put("evaluatedOn", "programme.error.evaluation-no-model");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Contracts.Row c = contracts.row(form.contractId());
        ProgrammeViewer viewer = ProgrammeViewer.current();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into programme_evaluation (contract_id, organization_id, organization_name, kind,"
                        + " round, evaluated_on, state, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.organizationId(),
                        c.organizationName(),
                        form.kind().name(),
                        round,
                        form.evaluatedOn(),
                        EvaluationState.DRAFT.name(),
                        viewer.actor(),
                        Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created")
                .withChange("state", null, EvaluationState.DRAFT)
                .withChange("kind", null, form.kind())
                .withChange("round", null, round));
        return get(id);
    }

    /** The unit's self-evaluation (a member of the evaluated unit; again while not yet scored by experts). */
    @PreAuthorize("isAuthenticated()")
    public EvaluationView selfEvaluate(long id, EvaluationForms.SelfEvaluation form) {
        Row e = visible(id);
        ProgrammeViewer viewer = ProgrammeViewer.current();
        if (!viewer.memberOf(e.organizationId())) {
            throw new NotPermittedException("programme.error.not-unit-member");
        }
        require(e, EvaluationState.DRAFT, EvaluationState.SELF_EVALUATED);
        EvaluationModel model = modelOn(e.evaluatedOn());
        Map<String, BigDecimal> quantities = checked(model, form == null ? null : form.quantities());
        Map<String, String> evidence = new HashMap<>();
        if (form != null && form.evidence() != null) {
            form.evidence().forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    if (v.length() > 1000 || !quantities.containsKey(k)) {
                        throw new InvalidInputException(Map.of("evidence", "programme.error.evaluation-evidence"));
                    }
                    evidence.put(k, v.strip());
                }
            });
        }
        jdbc.sql("delete from programme_evaluation_score where evaluation_id = ? and source = ?")
                .params(id, SELF)
                .update();
        store(id, SELF, "", quantities, evidence, viewer);
        BigDecimal total = model.score(quantities).total();
        transition(e, EvaluationState.SELF_EVALUATED, "self-evaluated", null, "total", total.toPlainString());
        return get(id);
    }

    /**
     * A drawn expert scores their own sheet, once, under their own login: only a person seated on the evaluation's
     * panel (see {@link EvaluationPanels}), never one who belongs to the evaluated unit (a unit does not score
     * itself), after the self-evaluation and before the conclusion.
     */
    @PreAuthorize("isAuthenticated()")
    public EvaluationView scoreOwnSheet(long id, EvaluationForms.ExpertSheet form) {
        Row e = visible(id);
        ProgrammeViewer viewer = ProgrammeViewer.current();
        if (viewer.memberOf(e.organizationId())) {
            throw new NotPermittedException("programme.error.evaluation-own-unit");
        }
        if (viewer.personId() == null || !panels.members(id).contains(viewer.personId())) {
            throw new NotPermittedException("programme.error.evaluation-not-on-panel");
        }
        require(e, EvaluationState.SELF_EVALUATED, EvaluationState.SCORED);
        EvaluationModel model = modelOn(e.evaluatedOn());
        Map<String, BigDecimal> quantities = checked(model, form == null ? null : form.quantities());
        Integer already = jdbc.sql("select count(*) from programme_evaluation_score where evaluation_id = ?"
                        + " and source = ? and expert_person_id = ?")
                .params(id, EXPERT, viewer.personId())
                .query(Integer.class)
                .single();
        if (already > 0) {
            throw new ConflictException("programme.error.evaluation-sheet-submitted");
        }
        String expert = viewer.actor().length() > 200 ? viewer.actor().substring(0, 200) : viewer.actor();
        store(id, EXPERT, expert, quantities, Map.of(), viewer);
        // the sheet's points stay out of the history until the evaluation concludes: only that one came in
        int sheets = countedSheets(id).size();
        transition(e, EvaluationState.SCORED, "expert-scored", null, "sheets", String.valueOf(sheets));
        return get(id);
    }

    /** Concludes: the panel mean of the experts' totals through the model, and its class. */
    @PreAuthorize(Contracts.OFFICE)
    public EvaluationView conclude(long id) {
        Row e = visible(id);
        require(e, EvaluationState.SCORED);
        EvaluationModel model = modelOn(e.evaluatedOn());
        Map<String, Map<String, BigDecimal>> sheets = countedSheets(id);
        if (e.drawId() != null) {
            int seated = panels.members(id).size();
            if (sheets.size() < seated) {
                throw new ConflictException("programme.error.evaluation-sheets-missing", seated - sheets.size());
            }
        }
        List<Map<String, BigDecimal>> experts = new ArrayList<>(sheets.values());
        BigDecimal total = model.panelTotal(experts);
        EvaluationModel.ResultClass cls = model.classOf(total);
        int changed = jdbc.sql(
                        "update programme_evaluation set state = ?, total = ?, result_class = ?, concluded_at = ?"
                                + " where id = ? and state = ?")
                .params(
                        EvaluationState.CONCLUDED.name(),
                        total,
                        cls.name(),
                        Timestamp.from(clock.instant()),
                        id,
                        EvaluationState.SCORED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "concluded")
                .withChange("state", EvaluationState.SCORED, EvaluationState.CONCLUDED)
                .withChange("total", null, total.toPlainString())
                .withChange("resultClass", null, cls));
        return get(id);
    }

    /** Sends a failing (不合格) unit into rectification with a deadline after today. */
    @PreAuthorize(Contracts.OFFICE)
    public EvaluationView requireRectification(long id, EvaluationForms.Rectification form) {
        Row e = visible(id);
        require(e, EvaluationState.CONCLUDED);
        if (e.resultClass() != EvaluationModel.ResultClass.FAIL) {
            throw new ConflictException("programme.error.evaluation-not-failed");
        }
        String reason =
                form == null || form.reason() == null ? "" : form.reason().strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (form == null || form.deadline() == null || !form.deadline().isAfter(LocalDate.now(clock))) {
            errors.put("deadline", "programme.error.evaluation-deadline");
        }
        if (reason.isEmpty() || reason.length() > 2000) {
            errors.put("reason", "programme.error.reason-required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int changed = jdbc.sql("update programme_evaluation set state = ?, rectification_deadline = ?,"
                        + " rectification_reason = ? where id = ? and state = ?")
                .params(
                        EvaluationState.RECTIFICATION.name(),
                        form.deadline(),
                        reason,
                        id,
                        EvaluationState.CONCLUDED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "rectification-required")
                .withChange("state", EvaluationState.CONCLUDED, EvaluationState.RECTIFICATION)
                .withChange("deadline", null, form.deadline().toString())
                .withComment(reason));
        return get(id);
    }

    /** Closes a concluded evaluation that passed, or a rectification that was put right, with a note. */
    @PreAuthorize(Contracts.OFFICE)
    public EvaluationView close(long id, EvaluationForms.Closing form) {
        Row e = visible(id);
        require(e, EvaluationState.CONCLUDED, EvaluationState.RECTIFICATION);
        if (e.state() == EvaluationState.CONCLUDED && e.resultClass() == EvaluationModel.ResultClass.FAIL) {
            throw new ConflictException("programme.error.evaluation-needs-rectification");
        }
        String note = form == null || form.note() == null ? "" : form.note().strip();
        if (note.isEmpty() || note.length() > 2000) {
            throw new InvalidInputException(Map.of("note", "programme.error.reason-required"));
        }
        int changed = jdbc.sql("update programme_evaluation set state = ?, closing_note = ? where id = ? and state = ?")
                .params(EvaluationState.CLOSED.name(), note, id, e.state().name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "closed")
                .withChange("state", e.state(), EvaluationState.CLOSED)
                .withComment(note));
        return get(id);
    }

    /**
     * Demo data: a concluded annual evaluation of a contract's unit (self-evaluation with evidence, two experts of a
     * drawn panel, panel mean and class), marked demo. Runs as the system.
     */
    long loadDemo(long contractId, String round, LocalDate day) {
        Contracts.Row c = contracts.row(contractId);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into programme_evaluation (contract_id, organization_id, organization_name, kind, round,"
                        + " evaluated_on, state, panel_ref, created_by, created_at, demo)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)")
                .params(
                        c.id(),
                        c.organizationId(),
                        c.organizationName(),
                        EvaluationKind.ANNUAL.name(),
                        round,
                        day,
                        EvaluationState.SCORED.name(),
                        "演示抽取/demo draw",
                        "demo",
                        Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        ProgrammeViewer system = new ProgrammeViewer(null, "demo", true, java.util.Set.of());
        Map<String, BigDecimal> self = Map.of(
                "full-time-staff", new BigDecimal("8"),
                "governance-bodies", new BigDecimal("3"),
                "budget-executed-percent", new BigDecimal("92"),
                "annual-report-on-time", BigDecimal.ONE,
                "national-standards-led", new BigDecimal("4"),
                "group-standards-published", new BigDecimal("12"),
                "enterprises-served", new BigDecimal("45"),
                "new-mechanisms", new BigDecimal("2"),
                "cooperation-agreements", new BigDecimal("3"));
        store(id, SELF, "", self, Map.of("national-standards-led", "演示数据:4 项国家标准立项/demo"), system);
        Map<String, BigDecimal> second = new HashMap<>(self);
        second.put("national-standards-led", new BigDecimal("3"));
        second.put("cooperation-agreements", new BigDecimal("2"));
        store(id, EXPERT, "演示专家甲/demo expert A", self, Map.of(), system);
        store(id, EXPERT, "演示专家乙/demo expert B", second, Map.of(), system);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created")
                .withChange("state", null, EvaluationState.SCORED)
                .withChange("round", null, round));
        return conclude(id).id();
    }

    /**
     * Does the evaluation's decision still seal its panel? From the panel's draw until the evaluation concludes, the
     * drawn experts' names (their sheets, and the history, whose entries name who scored) are the panel officer's
     * and the administrators' only, as the talent center seals the draw's result until its decision.
     */
    static boolean panelSealed(EvaluationState state) {
        return state != EvaluationState.CONCLUDED
                && state != EvaluationState.RECTIFICATION
                && state != EvaluationState.CLOSED;
    }

    /**
     * May {@code viewer} see who sits on the evaluation's panel: once the evaluation concludes, anyone who reads it;
     * before, the officer responsible for the panel (who requested its draw) and the administrators.
     */
    static boolean panelNamesVisible(Row e, ProgrammeViewer viewer) {
        return !panelSealed(e.state()) || viewer.admin() || viewer.is(e.panelOfficerPersonId());
    }

    /** Is the evaluation's unit one the history reader may see? (for {@link ProgrammeHistoryAccess}) */
    Long organizationOf(long id) {
        return jdbc.sql("select organization_id from programme_evaluation where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void require(Row e, EvaluationState... allowed) {
        for (EvaluationState s : allowed) {
            if (e.state() == s) {
                return;
            }
        }
        throw new ConflictException("programme.error.evaluation-state", e.state());
    }

    private void transition(Row e, EvaluationState to, String action, String comment, String field, String value) {
        if (e.state() != to) {
            int changed = jdbc.sql("update programme_evaluation set state = ? where id = ? and state = ?")
                    .params(to.name(), e.id(), e.state().name())
                    .update();
            if (changed != 1) {
                throw new ConflictException("programme.error.changed-meanwhile");
            }
        }
        StateChanged event = StateChanged.of(AUDIT_TYPE, e.id(), action)
                .withChange("state", e.state(), to)
                .withChange(field, null, value);
        events.publishEvent(comment == null ? event : event.withComment(comment));
    }

    private static Map<String, BigDecimal> checked(EvaluationModel model, Map<String, BigDecimal> quantities) {
        if (quantities == null || quantities.isEmpty()) {
            throw new InvalidInputException(Map.of("quantities", "programme.error.evaluation-quantities"));
        }
        Map<String, String> items = model.itemDimensions();
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (var q : quantities.entrySet()) {
            if (q.getValue() == null) {
                continue;
            }
            if (!items.containsKey(q.getKey())
                    || q.getValue().signum() < 0
                    || q.getValue().compareTo(MAX_QUANTITY) > 0
                    || q.getValue().scale() > 2) {
                throw new InvalidInputException(Map.of("quantities", "programme.error.evaluation-quantities"));
            }
            out.put(q.getKey(), q.getValue());
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(Map.of("quantities", "programme.error.evaluation-quantities"));
        }
        return out;
    }

    private void store(
            long id,
            String source,
            String expert,
            Map<String, BigDecimal> quantities,
            Map<String, String> evidence,
            ProgrammeViewer viewer) {
        Timestamp now = Timestamp.from(clock.instant());
        Long expertPerson = EXPERT.equals(source) ? viewer.personId() : null;
        quantities.forEach((code, q) -> jdbc.sql("insert into programme_evaluation_score (evaluation_id, source,"
                        + " expert, item_code, quantity, evidence, entered_by, entered_by_id, entered_at,"
                        + " expert_person_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        source,
                        expert,
                        code,
                        q,
                        evidence.get(code),
                        viewer.actor(),
                        viewer.personId(),
                        now,
                        expertPerson)
                .update());
    }

    /** One expert's sheet: who (name, person account if scored under a login), the quantities. */
    private record Sheet(String expert, Long personId, Map<String, BigDecimal> quantities) {}

    private List<Sheet> sheets(long id) {
        Map<String, Sheet> byExpert = new LinkedHashMap<>();
        jdbc.sql("select expert, expert_person_id, item_code, quantity from programme_evaluation_score"
                        + " where evaluation_id = ? and source = ? order by id")
                .params(id, EXPERT)
                .query(rs -> {
                    Long person = rs.getObject("expert_person_id", Long.class);
                    String name = rs.getString("expert");
                    String key = person == null ? "n:" + name : "p:" + person;
                    byExpert.computeIfAbsent(key, k -> new Sheet(name, person, new LinkedHashMap<>()))
                            .quantities()
                            .put(rs.getString("item_code"), rs.getBigDecimal("quantity"));
                });
        return new ArrayList<>(byExpert.values());
    }

    /**
     * The sheets the panel mean is taken from: those of the members seated now (a member who left the panel does not
     * count), and the sheets of an evaluation scored before panels were drawn here (no person account).
     */
    private Map<String, Map<String, BigDecimal>> countedSheets(long id) {
        java.util.Set<Long> seated = panels.members(id);
        Map<String, Map<String, BigDecimal>> counted = new LinkedHashMap<>();
        for (Sheet sheet : sheets(id)) {
            if (sheet.personId() == null || seated.contains(sheet.personId())) {
                counted.put(sheet.personId() == null ? sheet.expert() : "p:" + sheet.personId(), sheet.quantities());
            }
        }
        return counted;
    }

    private Row visible(long id) {
        Row e = jdbc.sql("select * from programme_evaluation where id = ?")
                .param(id)
                .query(Evaluations::row)
                .optional()
                .orElse(null);
        ProgrammeViewer viewer = ProgrammeViewer.current();
        if (e == null
                || !(viewer.maySee(e.organizationId())
                        || (viewer.personId() != null && panels.members(id).contains(viewer.personId())))) {
            throw new NotFoundException("programme.error.no-evaluation");
        }
        return e;
    }

    private EvaluationView view(Row e) {
        return view(e, modelOn(e.evaluatedOn()));
    }

    private EvaluationView view(Row e, EvaluationModel model) {
        Map<String, BigDecimal> self = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        jdbc.sql("select item_code, quantity, evidence from programme_evaluation_score where evaluation_id = ?"
                        + " and source = ? order by id")
                .params(e.id(), SELF)
                .query(rs -> {
                    self.put(rs.getString("item_code"), rs.getBigDecimal("quantity"));
                    if (rs.getString("evidence") != null) {
                        evidence.put(rs.getString("item_code"), rs.getString("evidence"));
                    }
                });
        ProgrammeViewer viewer = ProgrammeViewer.current();
        boolean namesOpen = panelNamesVisible(e, viewer);
        java.util.Set<Long> seated = panels.members(e.id());
        List<Sheet> sheets = sheets(e.id());
        // before the evaluation concludes, the panel's officer and the administrators see every sheet with its
        // expert's name, an expert their own; everyone else (other officers, the unit) only that the panel exists
        // and how many sheets are in
        List<EvaluationView.ExpertScore> experts = sheets.stream()
                .filter(x -> namesOpen || (x.personId() != null && x.personId().equals(viewer.personId())))
                .map(x -> new EvaluationView.ExpertScore(
                        x.expert(),
                        model.score(x.quantities()),
                        x.personId() != null && !seated.contains(x.personId())))
                .toList();
        boolean onPanel = viewer.personId() != null && seated.contains(viewer.personId());
        boolean mySheet =
                onPanel && sheets.stream().anyMatch(x -> viewer.personId().equals(x.personId()));
        EvaluationView.Panel panel = new EvaluationView.Panel(
                e.drawId(),
                seated.size(),
                (int) sheets.stream()
                        .filter(x -> x.personId() != null && seated.contains(x.personId()))
                        .count(),
                onPanel,
                mySheet);
        Integer rank = null;
        Integer ranked = null;
        if (e.total() != null) {
            Map<String, EvaluationModel.Score> round = new LinkedHashMap<>();
            jdbc.sql("select id, total, evaluated_on from programme_evaluation where kind = ? and round = ?"
                            + " and total is not null")
                    .params(e.kind().name(), e.round())
                    .query(rs -> {
                        BigDecimal t = rs.getBigDecimal("total");
                        round.put(
                                String.valueOf(rs.getLong("id")),
                                new EvaluationModel.Score(List.of(), t, model.classOf(t)));
                    });
            var ranking = EvaluationModel.rank(round);
            ranked = ranking.size();
            rank = ranking.stream()
                    .filter(r -> r.unit().equals(String.valueOf(e.id())))
                    .map(EvaluationModel.Ranked::rank)
                    .findFirst()
                    .orElse(null);
        }
        boolean overdue = e.state() == EvaluationState.RECTIFICATION
                && e.rectificationDeadline() != null
                && e.rectificationDeadline().isBefore(LocalDate.now(clock));
        return new EvaluationView(
                e.id(),
                e.contractId(),
                e.organizationId(),
                e.organizationName(),
                e.kind(),
                e.round(),
                e.evaluatedOn(),
                model.effectiveFrom(),
                e.state(),
                self.isEmpty() ? null : model.score(self),
                evidence,
                e.panelRef(),
                panel,
                experts,
                e.total(),
                e.resultClass(),
                rank,
                ranked,
                e.rectificationDeadline(),
                e.rectificationReason(),
                overdue,
                e.closingNote(),
                e.demo());
    }

    record Row(
            long id,
            long contractId,
            long organizationId,
            String organizationName,
            EvaluationKind kind,
            String round,
            LocalDate evaluatedOn,
            EvaluationState state,
            String panelRef,
            Long drawId,
            BigDecimal total,
            EvaluationModel.ResultClass resultClass,
            LocalDate rectificationDeadline,
            String rectificationReason,
            String closingNote,
            boolean demo,
            Long panelOfficerPersonId) {}

    static Row row(ResultSet rs, int n) throws SQLException {
        String cls = rs.getString("result_class");
        return new Row(
                rs.getLong("id"),
                rs.getLong("contract_id"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                EvaluationKind.valueOf(rs.getString("kind")),
                rs.getString("round"),
                rs.getObject("evaluated_on", LocalDate.class),
                EvaluationState.valueOf(rs.getString("state")),
                rs.getString("panel_ref"),
                rs.getObject("draw_id", Long.class),
                rs.getBigDecimal("total"),
                cls == null ? null : EvaluationModel.ResultClass.valueOf(cls),
                rs.getObject("rectification_deadline", LocalDate.class),
                rs.getString("rectification_reason"),
                rs.getString("closing_note"),
                rs.getBoolean("demo"),
                rs.getObject("panel_officer_person_id", Long.class));
    }
}
