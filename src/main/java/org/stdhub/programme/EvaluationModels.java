package org.stdhub.programme;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * The effective-dated evaluation models (domain/06 §6.2–6.3), kept in the database: an evaluation is scored with the
 * model in force on its date. The base office sets the next model — weights, points, caps, class thresholds — from a
 * day after today, and may withdraw one that has not yet taken effect. A model never takes effect on or before the
 * date of an evaluation already past its draft (self-evaluated, scored, concluded): what was scored stays scored the
 * way it was. Every change is audited, with each number that differs from the model it follows.
 */
@Service
@Transactional
public class EvaluationModels {

    public static final String AUDIT_TYPE = "programme-evaluation-model";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationModels(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The dimensions and items a model is made of (the application's codes, translated on the pages), in order: those
     * of the shipped model.
     */
    public static List<EvaluationModel.Dimension> structure() {
        return EvaluationModel.shipped().dimensions();
    }

    /** Every model, earliest first (whoever is signed in may read how evaluations are scored). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<EvaluationModelView> list() {
        List<Stored> stored = stored();
        LocalDate today = LocalDate.now(clock);
        LocalDate inForce = stored.stream()
                .map(s -> s.model().effectiveFrom())
                .filter(d -> !d.isAfter(today))
                .max(LocalDate::compareTo)
                .orElse(null);
        return stored.stream()
                .map(s -> new EvaluationModelView(
                        s.model(),
                        s.reason(),
                        s.createdBy(),
                        s.createdAt().toInstant(),
                        s.model().effectiveFrom().isAfter(today)
                                ? EvaluationModelView.Standing.COMING
                                : s.model().effectiveFrom().equals(inForce)
                                        ? EvaluationModelView.Standing.IN_FORCE
                                        : EvaluationModelView.Standing.SUPERSEDED))
                .toList();
    }

    /** The models, earliest first (for the evaluation workflow; no viewer check). */
    @Transactional(readOnly = true)
    List<EvaluationModel> models() {
        return stored().stream().map(Stored::model).toList();
    }

    /** The model in force on {@code day}, if any took effect by then. */
    @Transactional(readOnly = true)
    public java.util.Optional<EvaluationModel> inForce(LocalDate day) {
        List<EvaluationModel> models = models();
        return models.stream().anyMatch(m -> !m.effectiveFrom().isAfter(day))
                ? java.util.Optional.of(EvaluationModel.inForce(models, day))
                : java.util.Optional.empty();
    }

    /** Sets the model that takes effect on the form's day (base office). */
    @PreAuthorize(Contracts.OFFICE)
    public EvaluationModelView define(EvaluationModelForm form) {
        EvaluationModel model = validated(form);
        LocalDate day = model.effectiveFrom();
        if (jdbc.sql("select count(*) from programme_evaluation_model where effective_from = ?")
                        .param(day)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("programme.error.model-day-taken", day);
        }
        refuseIfScoredFrom(day);
        EvaluationModel before = inForce(day).orElse(null);
        ProgrammeViewer viewer = ProgrammeViewer.current();
        String reason = form.reason().strip();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into programme_evaluation_model (effective_from, excellent, good, pass, reason, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        day,
                        model.thresholds().excellent(),
                        model.thresholds().good(),
                        model.thresholds().pass(),
                        reason,
                        viewer.actor(),
                        Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int position = 0;
        for (EvaluationModel.Dimension d : model.dimensions()) {
            for (EvaluationModel.Item i : d.items()) {
                jdbc.sql(
                                "insert into programme_evaluation_model_item (model_id, position, dimension_code,"
                                        + " dimension_weight, item_code, points_per_unit, item_cap) values (?, ?, ?, ?, ?, ?, ?)")
                        .params(id, ++position, d.code(), d.weight(), i.code(), i.pointsPerUnit(), i.cap())
                        .update();
            }
        }
        events.publishEvent(changes(StateChanged.of(AUDIT_TYPE, day, "defined"), before, model)
                .withComment(reason));
        return list().stream()
                .filter(v -> v.effectiveFrom().equals(day))
                .findFirst()
                .orElseThrow();
    }

    /** Withdraws a model that has not yet taken effect (base office), with the reason. */
    @PreAuthorize(Contracts.OFFICE)
    public void withdraw(LocalDate effectiveFrom, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException(Map.of("reason", "programme.error.model-reason"));
        }
        Long id = jdbc.sql("select id from programme_evaluation_model where effective_from = ?")
                .param(effectiveFrom)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.model-not-found", effectiveFrom));
        if (!effectiveFrom.isAfter(LocalDate.now(clock))) {
            throw new ConflictException("programme.error.model-in-effect", effectiveFrom);
        }
        refuseIfScoredFrom(effectiveFrom);
        jdbc.sql("delete from programme_evaluation_model where id = ?")
                .param(id)
                .update();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, effectiveFrom, "withdrawn")
                .withChange("effectiveFrom", effectiveFrom, null)
                .withComment(why));
    }

    /** Refuses a change that would score again an evaluation already past its draft, dated on or after {@code day}. */
    private void refuseIfScoredFrom(LocalDate day) {
        jdbc
                .sql("select id, evaluated_on from programme_evaluation where state <> ? and evaluated_on >= ?"
                        + " order by evaluated_on, id")
                .params(EvaluationState.DRAFT.name(), day)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, LocalDate.class)})
                .list()
                .stream()
                .findFirst()
                .ifPresent(e -> {
                    throw new ConflictException("programme.error.model-would-rescore", e[0], e[1]);
                });
    }

    private static StateChanged changes(StateChanged event, EvaluationModel before, EvaluationModel after) {
        Map<String, BigDecimal> was = before == null ? Map.of() : numbers(before);
        StateChanged out = event;
        for (var e : numbers(after).entrySet()) {
            BigDecimal old = was.get(e.getKey());
            if (old == null || old.compareTo(e.getValue()) != 0) {
                out = out.withChange(
                        e.getKey(),
                        old == null ? null : old.toPlainString(),
                        e.getValue().toPlainString());
            }
        }
        return out;
    }

    /** A model's numbers by name, as its form holds them: weight.D, points.I, cap.I, excellent, good, pass. */
    private static Map<String, BigDecimal> numbers(EvaluationModel m) {
        EvaluationModelForm f = EvaluationModelForm.of(m, m.effectiveFrom());
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        f.weights().forEach((code, w) -> out.put("weight." + code, w));
        f.points().forEach((code, p) -> out.put("points." + code, p));
        f.caps().forEach((code, c) -> out.put("cap." + code, c));
        out.put("excellent", f.excellent());
        out.put("good", f.good());
        out.put("pass", f.pass());
        return out;
    }

    /** The form checked field by field, as a model. */
    private EvaluationModel validated(EvaluationModelForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form == null) {
            throw new InvalidInputException(Map.of("effectiveFrom", "programme.error.model-day"));
        }
        if (form.effectiveFrom() == null || !form.effectiveFrom().isAfter(LocalDate.now(clock))) {
            errors.put("effectiveFrom", "programme.error.model-day");
        }
        Map<String, BigDecimal> weights = form.weights() == null ? Map.of() : form.weights();
        Map<String, BigDecimal> points = form.points() == null ? Map.of() : form.points();
        Map<String, BigDecimal> caps = form.caps() == null ? Map.of() : form.caps();
        List<EvaluationModel.Dimension> dimensions = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean weightsRead = true;
        for (EvaluationModel.Dimension d : structure()) {
            BigDecimal w = weights.get(d.code());
            if (!within(w, HUNDRED, 2)) {
                errors.put("weights." + d.code(), "programme.error.model-weight");
                weightsRead = false;
                continue;
            }
            sum = sum.add(w);
            List<EvaluationModel.Item> items = new ArrayList<>();
            for (EvaluationModel.Item i : d.items()) {
                BigDecimal p = points.get(i.code());
                BigDecimal cap = caps.get(i.code());
                if (!within(p, HUNDRED, 3)) {
                    errors.put("points." + i.code(), "programme.error.model-points");
                }
                if (!within(cap, w, 2)) {
                    errors.put("caps." + i.code(), "programme.error.model-cap");
                }
                if (within(p, HUNDRED, 3) && within(cap, w, 2)) {
                    items.add(new EvaluationModel.Item(i.code(), p, cap));
                }
            }
            dimensions.add(new EvaluationModel.Dimension(d.code(), w, items));
        }
        if (weightsRead && sum.compareTo(HUNDRED) != 0) {
            errors.put("weights", "programme.error.model-weights-sum");
        }
        for (String unknown : unknown(weights, points, caps)) {
            errors.put(unknown, "programme.error.model-unknown");
        }
        BigDecimal excellent = form.excellent();
        BigDecimal good = form.good();
        BigDecimal pass = form.pass();
        if (!within(excellent, HUNDRED, 2)
                || !within(good, HUNDRED, 2)
                || !within(pass, HUNDRED, 2)
                || pass.signum() <= 0
                || excellent.compareTo(good) < 0
                || good.compareTo(pass) < 0) {
            errors.put("thresholds", "programme.error.model-thresholds");
        }
        if (form.reason() == null
                || form.reason().isBlank()
                || form.reason().strip().length() > 500) {
            errors.put("reason", "programme.error.model-reason");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EvaluationModel(
                form.effectiveFrom(), dimensions, new EvaluationModel.Thresholds(excellent, good, pass));
    }

    /** Codes in the form that no dimension or item has. */
    private static List<String> unknown(
            Map<String, BigDecimal> weights, Map<String, BigDecimal> points, Map<String, BigDecimal> caps) {
        List<String> dimensionCodes =
                structure().stream().map(EvaluationModel.Dimension::code).toList();
        List<String> itemCodes = structure().stream()
                .flatMap(d -> d.items().stream())
                .map(EvaluationModel.Item::code)
                .toList();
        List<String> out = new ArrayList<>();
        weights.keySet().stream().filter(k -> !dimensionCodes.contains(k)).forEach(k -> out.add("weights." + k));
        points.keySet().stream().filter(k -> !itemCodes.contains(k)).forEach(k -> out.add("points." + k));
        caps.keySet().stream().filter(k -> !itemCodes.contains(k)).forEach(k -> out.add("caps." + k));
        return out;
    }

    /** {@code 0 ≤ value ≤ max} with at most {@code scale} decimals. */
    private static boolean within(BigDecimal value, BigDecimal max, int scale) {
        return value != null
                && value.signum() >= 0
                && value.compareTo(max) <= 0
                && value.stripTrailingZeros().scale() <= scale;
    }

    private record Stored(EvaluationModel model, String reason, String createdBy, Timestamp createdAt) {}

    private List<Stored> stored() {
        record Line(
                long modelId, String dimension, BigDecimal weight, String item, BigDecimal points, BigDecimal cap) {}
        List<Line> lines = jdbc.sql("select model_id, dimension_code, dimension_weight, item_code, points_per_unit,"
                        + " item_cap from programme_evaluation_model_item order by model_id, position")
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6)))
                .list();
        return jdbc.sql("select id, effective_from, excellent, good, pass, reason, created_by, created_at"
                        + " from programme_evaluation_model order by effective_from")
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    Map<String, EvaluationModel.Dimension> dims = new LinkedHashMap<>();
                    Map<String, List<EvaluationModel.Item>> items = new LinkedHashMap<>();
                    for (Line l : lines) {
                        if (l.modelId() != id) {
                            continue;
                        }
                        items.computeIfAbsent(l.dimension(), k -> new ArrayList<>())
                                .add(new EvaluationModel.Item(l.item(), norm(l.points()), norm(l.cap())));
                        dims.putIfAbsent(
                                l.dimension(),
                                new EvaluationModel.Dimension(l.dimension(), norm(l.weight()), List.of()));
                    }
                    List<EvaluationModel.Dimension> dimensions = dims.values().stream()
                            .map(d -> new EvaluationModel.Dimension(d.code(), d.weight(), items.get(d.code())))
                            .toList();
                    EvaluationModel model = new EvaluationModel(
                            rs.getObject(2, LocalDate.class),
                            dimensions,
                            new EvaluationModel.Thresholds(
                                    norm(rs.getBigDecimal(3)), norm(rs.getBigDecimal(4)), norm(rs.getBigDecimal(5))));
                    return new Stored(
                            model, rs.getString(6), rs.getString(7), Objects.requireNonNull(rs.getTimestamp(8)));
                })
                .list();
    }

    /** 0.500 → 0.5, 25.00 → 25 (as entered). */
    private static BigDecimal norm(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
