package org.stdhub.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.catalog.CatalogService;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardKind;
import org.stdhub.development.PatentView;
import org.stdhub.development.Patents;
import org.stdhub.development.ProjectView;
import org.stdhub.development.Projects;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;
import org.stdhub.verification.conformity.ConformityStore;
import org.stdhub.verification.trace.ClauseNumbers;
import org.stdhub.verification.trace.ClauseOriginStore;

/**
 * Traceability of a standard's clauses: for each clause, the research result and patent it came from (recorded by
 * the secretariat of the alliance whose project produced the group standard, or by the base office; the project is
 * the one the catalog names as the standard's source), the verification evidence ({@link ClauseEvidenceSource}
 * beans) and the conformity tests reported against it. Anyone may read it.
 *
 * <p>Reads run outside a transaction of their own: each module's API call runs in its own, so a project that is
 * gone (refused by development) does not doom the whole answer; the one write runs in a transaction with its audit.
 */
@Service
public class Traceability {

    static final String AUDIT_TYPE = "clause-origin";
    private static final String PROJECT_SOURCE = "stdhub:development/project/";

    /** What the secretariat records of one clause. */
    public record OriginForm(String clause, String requirement, String researchResult, String patentNumber) {}

    private final CatalogService catalog;
    private final Projects projects;
    private final Patents patents;
    private final ClauseOriginStore origins;
    private final ConformityStore conformity;
    private final Evaluations evaluations;
    private final List<ClauseEvidenceSource> evidenceSources;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final TransactionTemplate tx;

    Traceability(
            CatalogService catalog,
            Projects projects,
            Patents patents,
            ClauseOriginStore origins,
            ConformityStore conformity,
            Evaluations evaluations,
            List<ClauseEvidenceSource> evidenceSources,
            org.springframework.context.ApplicationEventPublisher events,
            java.time.Clock clock,
            TransactionTemplate tx) {
        this.catalog = catalog;
        this.projects = projects;
        this.patents = patents;
        this.origins = origins;
        this.conformity = conformity;
        this.evaluations = evaluations;
        this.evidenceSources = evidenceSources;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public TraceabilityView of(String typed) {
        StandardDetail s = detail(typed);
        Actor me = Actor.current();
        String key = Designation.parse(s.designation()).compactKey();
        Long projectId = projectOf(s);
        List<TraceabilityView.Patent> declared = declaredPatents(projectId);
        Map<String, TraceabilityView.Patent> byNumber = new HashMap<>();
        declared.forEach(p -> byNumber.put(p.number(), p));

        Map<String, ClauseOriginStore.OriginRow> originOf = new HashMap<>();
        origins.of(key).forEach(o -> originOf.put(o.clauseNo(), o));
        Map<String, List<ClauseEvidence>> evidenceOf = new HashMap<>();
        for (ClauseEvidenceSource source : evidenceSources) {
            for (ClauseEvidence e : source.evidence(s.designation(), projectId)) {
                if (e != null && e.clause() != null) {
                    evidenceOf
                            .computeIfAbsent(e.clause(), k -> new ArrayList<>())
                            .add(e);
                }
            }
        }
        Map<String, int[]> tally = new HashMap<>();
        Map<String, String> requirementOf = new HashMap<>();
        for (ConformityStore.ClauseRow c : conformity.reportedClausesOf(key)) {
            int[] t = tally.computeIfAbsent(c.clauseNo(), k -> new int[3]);
            t[0]++;
            if ("PASS".equals(c.verdict())) {
                t[1]++;
            } else if ("FAIL".equals(c.verdict())) {
                t[2]++;
            }
            if (c.requirement() != null) {
                requirementOf.putIfAbsent(c.clauseNo(), c.requirement());
            }
        }
        TreeMap<String, Boolean> clauses = new TreeMap<>(ClauseNumbers.ORDER);
        originOf.keySet().forEach(c -> clauses.put(c, true));
        evidenceOf.keySet().forEach(c -> clauses.put(c, true));
        tally.keySet().forEach(c -> clauses.put(c, true));
        List<TraceabilityView.ClauseTrace> traces = new ArrayList<>();
        for (String clause : clauses.keySet()) {
            ClauseOriginStore.OriginRow o = originOf.get(clause);
            int[] t = tally.getOrDefault(clause, new int[3]);
            String patentNumber = o == null ? null : o.patentNumber();
            traces.add(new TraceabilityView.ClauseTrace(
                    clause,
                    o != null && o.requirement() != null ? o.requirement() : requirementOf.get(clause),
                    o == null ? null : o.researchResult(),
                    patentNumber == null
                            ? null
                            : byNumber.getOrDefault(
                                    patentNumber, new TraceabilityView.Patent(patentNumber, null, null, null)),
                    evidenceOf.getOrDefault(clause, List.of()),
                    new TraceabilityView.ConformityTally(t[0], t[1], t[2])));
        }
        return new TraceabilityView(
                s.designation(),
                s.titleZh() != null ? s.titleZh() : s.titleEn(),
                s.status(),
                Designation.tryParse(s.designation())
                        .map(d -> d.kind() == StandardKind.GROUP)
                        .orElse(false),
                projectId,
                declared,
                traces,
                evaluations.issuedFor(s.designation()),
                mayRecord(projectId, me));
    }

    /**
     * Records where one clause came from: the research result and the patent (one declared on the project). Only
     * the base office or the secretariat of the alliance whose project produced the standard.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public TraceabilityView record(String typed, OriginForm f) {
        StandardDetail s = detail(typed);
        Actor me = Actor.current();
        Long projectId = projectOf(s);
        if (!mayRecord(projectId, me)) {
            throw new NotPermittedException("verification.trace.error.not-secretariat");
        }
        var errors = new InvalidInputException.Collector();
        String clause = f == null ? null : ConformityTests.text(f.clause(), 50);
        errors.check(
                clause != null && clause.matches("[0-9A-Za-z.]{1,50}"), "clause", "verification.trace.error.clause");
        String requirement = f == null ? null : optional(f.requirement(), 2000, "requirement", errors);
        String research = f == null ? null : optional(f.researchResult(), 2000, "researchResult", errors);
        String patent = f == null
                        || f.patentNumber() == null
                        || f.patentNumber().isBlank()
                ? null
                : f.patentNumber().strip().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
        errors.check(
                requirement != null || research != null || patent != null,
                "researchResult",
                "verification.trace.error.empty");
        errors.throwIfAny();
        if (patent != null) {
            boolean declared =
                    declaredPatents(projectId).stream().anyMatch(p -> p.number().equals(patent));
            if (!declared) {
                throw new ConflictException("verification.trace.error.patent-not-declared", patent);
            }
        }
        String key = Designation.parse(s.designation()).compactKey();
        tx.executeWithoutResult(status -> {
            boolean created = origins.record(
                    s.designation(), key, clause, requirement, research, patent, me.name(), clock.instant());
            events.publishEvent(
                    StateChanged.of(AUDIT_TYPE, s.designation() + " " + clause, created ? "recorded" : "changed")
                            .withChange("researchResult", null, research)
                            .withChange("patent", null, patent));
        });
        return of(s.designation());
    }

    private static String optional(String text, int max, String field, InvalidInputException.Collector errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = ConformityTests.text(text, max);
        errors.check(t != null, field, "verification.trace.error.too-long");
        return t;
    }

    private StandardDetail detail(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > Designation.MAX_LENGTH) {
            throw new InvalidInputException(Map.of("designation", "verification.evaluation.error.designation"));
        }
        try {
            return catalog.detail(text);
        } catch (org.stdhub.catalog.StandardNotFoundException e) {
            throw new org.stdhub.platform.NotFoundException("verification.conformity.error.not-in-catalog", text);
        } catch (UserFacingException e) {
            throw e;
        }
    }

    /** The development project the catalog names as the standard's source, if any. */
    private static Long projectOf(StandardDetail s) {
        String source = s.provenance() == null ? null : s.provenance().source();
        if (source == null || !source.startsWith(PROJECT_SOURCE)) {
            return null;
        }
        String id = source.substring(PROJECT_SOURCE.length());
        return id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }

    private boolean mayRecord(Long projectId, Actor me) {
        if (!me.isPerson()) {
            return false;
        }
        if (me.isOffice()) {
            return true;
        }
        if (projectId == null) {
            return false;
        }
        Optional<ProjectView> p;
        try {
            p = Optional.of(projects.get(projectId));
        } catch (UserFacingException e) {
            p = Optional.empty();
        }
        return p.map(ProjectView::viewerIsSecretariat).orElse(false);
    }

    /** The patents declared on the project; none when there is no project (or it is gone). */
    private List<TraceabilityView.Patent> declaredPatents(Long projectId) {
        if (projectId == null) {
            return List.of();
        }
        try {
            return patents.of(projectId).stream().map(Traceability::patent).toList();
        } catch (UserFacingException gone) {
            return List.of();
        }
    }

    private static TraceabilityView.Patent patent(PatentView p) {
        return new TraceabilityView.Patent(
                p.patentNumber(),
                p.holder(),
                p.title(),
                p.licensing() == null ? null : p.licensing().name());
    }
}
