package org.stdhub.consulting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.OrganizationWatch;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.compliance.Verdict;
import org.stdhub.consulting.declaration.DeclarationStore;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Enterprise standards self-declaration (企业标准自我声明公开). An enterprise's ENTERPRISE_USER declares, per product or
 * service, the standards it implements; an update adds a version and keeps the earlier ones. Anyone reads the
 * public listing.
 *
 * <p>Rules at declaration time, by what the validity check (查新) says of each catalog standard: in force or upcoming
 * — accepted; a newer edition is current, or the catalog gives no status — accepted with a warning that names the
 * current edition (shown on the listing); withdrawn — refused, naming what replaces it today (declare that instead);
 * not in the catalog or not a designation — refused. The enterprise's own standard must read {@code Q/…}.
 *
 * <p>Every declared catalog standard is then followed on the enterprise's watchlist {@value #WATCHLIST} (alerts on
 * {@code /alerts}) and flagged on the listing by {@link DeclarationWatch} when an import withdraws or replaces it.
 */
@Service
@Transactional
public class Declarations {

    static final String AUDIT_TYPE = "declaration";
    static final String WATCHLIST = "企业标准自我声明 / Self-declared standards";
    static final int MAX_STANDARDS = 50;
    static final int MAX_INDICATORS = 30;
    static final int LISTING_LIMIT = 200;
    private static final Pattern ENTERPRISE_STANDARD =
            Pattern.compile("^Q/[A-Za-z0-9\\p{IsHan}][^\\s]{0,40}( [^\\s]{1,40}){0,3}$");

    private final DeclarationStore store;
    private final ValidityCheck check;
    private final OrganizationWatch watch;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Declarations(
            DeclarationStore store,
            ValidityCheck check,
            OrganizationWatch watch,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.check = check;
        this.watch = watch;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** The public listing, filtered by parts of the enterprise's name, the product (or class) and a designation. */
    @Transactional(readOnly = true)
    public List<DeclarationView.Summary> search(String enterprise, String product, String standard) {
        return store.search(blankToNull(enterprise), blankToNull(product), blankToNull(standard), LISTING_LIMIT);
    }

    @Transactional(readOnly = true)
    public DeclarationView get(long id) {
        return store.view(id).orElseThrow(() -> new NotFoundException("consulting.error.declaration-not-found", id));
    }

    /** May the caller update this declaration (an ENTERPRISE_USER of its enterprise)? */
    @Transactional(readOnly = true)
    public boolean mayEdit(long id) {
        return store.head(id)
                .map(h -> Caller.current().actsFor(h.organizationId()))
                .orElse(false);
    }

    /** The enterprises the caller may declare for: id → name. */
    @Transactional(readOnly = true)
    public Map<Long, String> myEnterprises() {
        Caller caller = Caller.current();
        Map<Long, String> result = new java.util.LinkedHashMap<>();
        for (long id : new java.util.TreeSet<>(caller.enterprises())) {
            result.put(id, organizations.find(id).nameZh());
        }
        return result;
    }

    /** A new declaration by an ENTERPRISE_USER of {@code form.organizationId()}. */
    @PreAuthorize("isAuthenticated()")
    public DeclarationView declare(DeclarationForm form, Locale locale) {
        Caller caller = Caller.current();
        caller.person();
        if (form.organizationId() == null) {
            throw new InvalidInputException(Map.of("organizationId", "consulting.error.organization"));
        }
        if (!caller.actsFor(form.organizationId())) {
            throw new NotPermittedException("consulting.error.not-your-enterprise");
        }
        Checked checked = validate(form, locale);
        String name = organizations.find(form.organizationId()).nameZh();
        Instant now = clock.instant();
        long id = store.insertDeclaration(
                form.organizationId(), name, checked.product(), checked.productClass(), now, false);
        store.insertVersion(
                id,
                1,
                checked.product(),
                checked.productClass(),
                checked.description(),
                caller.personId(),
                caller.name(),
                now,
                checked.standards(),
                checked.indicators());
        follow(form.organizationId(), checked);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "declared")
                .withChange("version", null, 1)
                .withChange("standards", null, designations(checked)));
        return get(id);
    }

    /** The next version of a declaration, by an ENTERPRISE_USER of its enterprise; clears its flags. */
    @PreAuthorize("isAuthenticated()")
    public DeclarationView update(long id, DeclarationForm form, Locale locale) {
        Caller caller = Caller.current();
        caller.person();
        DeclarationStore.Head head =
                store.head(id).orElseThrow(() -> new NotFoundException("consulting.error.declaration-not-found", id));
        if (!caller.actsFor(head.organizationId())) {
            throw new NotPermittedException("consulting.error.not-your-enterprise");
        }
        Checked checked = validate(form, locale);
        int next = head.currentVersion() + 1;
        store.insertVersion(
                id,
                next,
                checked.product(),
                checked.productClass(),
                checked.description(),
                caller.personId(),
                caller.name(),
                clock.instant(),
                checked.standards(),
                checked.indicators());
        follow(head.organizationId(), checked);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "updated")
                .withChange("version", head.currentVersion(), next)
                .withChange("standards", null, designations(checked)));
        return get(id);
    }

    /** For the demo data: a declaration as of {@code at}, by the system, not checked. */
    long declareAsSystem(
            long organizationId, String organizationName, DeclarationForm form, Instant at, Locale locale) {
        List<DeclarationStore.NewStandard> standards = new ArrayList<>();
        for (String text : form.catalogStandards()) {
            Designation d = Designation.parse(text);
            standards.add(new DeclarationStore.NewStandard(
                    "CATALOG", d.normalized(), null, d.compactWorkKey(), Verdict.CURRENT.code(), null));
        }
        Checked checked = validateIndicators(form, standards);
        long id = store.insertDeclaration(
                organizationId, organizationName, checked.product(), checked.productClass(), at, true);
        store.insertVersion(
                id,
                1,
                checked.product(),
                checked.productClass(),
                checked.description(),
                null,
                "演示数据 / demo",
                at,
                checked.standards(),
                checked.indicators());
        follow(organizationId, checked);
        return id;
    }

    private void follow(long organizationId, Checked checked) {
        List<String> catalog = checked.standards().stream()
                .filter(s -> "CATALOG".equals(s.kind()))
                .map(DeclarationStore.NewStandard::designation)
                .toList();
        if (!catalog.isEmpty()) {
            watch.follow(organizationId, WATCHLIST, catalog);
        }
    }

    private static String designations(Checked checked) {
        return String.join(
                ", ",
                checked.standards().stream()
                        .map(DeclarationStore.NewStandard::designation)
                        .toList());
    }

    private record Checked(
            String product,
            String productClass,
            String description,
            List<DeclarationStore.NewStandard> standards,
            List<DeclarationStore.NewIndicator> indicators) {}

    /** Validates the form and checks its catalog standards; throws on the first rule broken. */
    private Checked validate(DeclarationForm form, Locale locale) {
        Set<String> texts = new LinkedHashSet<>();
        for (String s : form.catalogStandards()) {
            if (s != null && !s.isBlank()) {
                texts.add(s.strip());
            }
        }
        if (texts.size() > MAX_STANDARDS) {
            throw new InvalidInputException(Map.of("catalogStandards", "consulting.error.too-many-standards"));
        }
        List<DeclarationStore.NewStandard> standards = new ArrayList<>();
        if (!texts.isEmpty()) {
            CheckReport report = check.checkDesignations(List.copyOf(texts), true, locale);
            Set<String> seen = new LinkedHashSet<>();
            for (CheckLine line : report.lines()) {
                DeclarationStore.NewStandard judged = judge(line);
                if (seen.add(judged.designation())) {
                    standards.add(judged);
                }
            }
        }
        return validateIndicators(form, standards);
    }

    /** What one checked line becomes, or the refusal the rules say. */
    private static DeclarationStore.NewStandard judge(CheckLine line) {
        switch (line.verdict()) {
            case UNREADABLE ->
                throw new DeclarationRefused(
                        "consulting.declaration.refused-unreadable",
                        line.input(),
                        line.reason() == null ? "" : line.reason());
            case NOT_FOUND ->
                throw new DeclarationRefused("consulting.declaration.refused-not-found", line.normalized());
            case WITHDRAWN_REPLACED ->
                throw new DeclarationRefused(
                        "consulting.declaration.refused-withdrawn-replaced",
                        line.standard().designation(),
                        String.join(
                                ", ",
                                line.currentReplacement().stream()
                                        .map(CheckLine.Ref::designation)
                                        .toList()));
            case WITHDRAWN_NO_REPLACEMENT ->
                throw new DeclarationRefused(
                        "consulting.declaration.refused-withdrawn",
                        line.standard().designation());
            default -> {}
        }
        CheckLine.Ref ref = line.standard();
        String advice = line.verdict().ok()
                ? null
                : String.join(
                        ", ",
                        line.currentReplacement().stream()
                                .map(CheckLine.Ref::designation)
                                .toList());
        String workKey = Designation.tryParse(ref.designation())
                .map(Designation::compactWorkKey)
                .orElse(null);
        return new DeclarationStore.NewStandard(
                "CATALOG",
                ref.designation(),
                truncate(ref.titleZh() != null ? ref.titleZh() : ref.titleEn(), 500),
                workKey,
                line.verdict().code(),
                advice == null || advice.isEmpty() ? null : truncate(advice, 300));
    }

    private Checked validateIndicators(DeclarationForm form, List<DeclarationStore.NewStandard> standards) {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String product = text(form.product(), 200, "product", true, errors);
        String productClass = text(form.productClass(), 200, "productClass", false, errors);
        String description = text(form.description(), 2000, "description", false, errors);
        String enterprise = text(form.enterpriseStandard(), 200, "enterpriseStandard", false, errors);
        String enterpriseTitle = text(form.enterpriseStandardTitle(), 500, "enterpriseStandardTitle", false, errors);
        List<DeclarationStore.NewStandard> all = new ArrayList<>(standards);
        if (enterprise != null) {
            enterprise = enterprise.replaceAll("\\s+", " ");
            if (!ENTERPRISE_STANDARD.matcher(enterprise).matches()) {
                errors.add("enterpriseStandard", "consulting.error.enterprise-standard");
            } else {
                all.add(new DeclarationStore.NewStandard("ENTERPRISE", enterprise, enterpriseTitle, null, null, null));
            }
        }
        List<DeclarationStore.NewIndicator> indicators = new ArrayList<>();
        for (DeclarationForm.Indicator i : form.indicators()) {
            if (i == null || blank(i.name()) && blank(i.value()) && blank(i.unit())) {
                continue;
            }
            String name = text(i.name(), 200, "indicators", true, errors);
            String unit = text(i.unit(), 50, "indicators", false, errors);
            BigDecimal value = null;
            try {
                value = new BigDecimal(i.value() == null ? "" : i.value().strip());
                if (value.abs().compareTo(new BigDecimal("1e14")) >= 0 || value.scale() > 6) {
                    errors.add("indicators", "consulting.error.indicator-value");
                }
            } catch (NumberFormatException e) {
                errors.add("indicators", "consulting.error.indicator-value");
            }
            if (i.direction() == null) {
                errors.add("indicators", "consulting.error.indicator-direction");
            }
            indicators.add(new DeclarationStore.NewIndicator(
                    "PERFORMANCE", name, value, null, unit, i.direction(), enterprise, null));
        }
        if (!indicators.isEmpty() && enterprise == null) {
            errors.add("enterpriseStandard", "consulting.error.indicators-need-standard");
        }
        for (DeclarationForm.MandatoryIndicator m : form.mandatoryIndicators()) {
            if (m == null
                    || blank(m.name()) && blank(m.requirement()) && blank(m.standard()) && blank(m.testMethod())) {
                continue;
            }
            String name = text(m.name(), 200, "mandatoryIndicators", true, errors);
            String requirement = text(m.requirement(), 300, "mandatoryIndicators", true, errors);
            String standard = text(m.standard(), 200, "mandatoryIndicators", true, errors);
            String method = text(m.testMethod(), 300, "mandatoryIndicators", true, errors);
            indicators.add(new DeclarationStore.NewIndicator(
                    "MANDATORY", name, null, requirement, null, null, standard, method));
        }
        if (indicators.size() > MAX_INDICATORS) {
            errors.add("indicators", "consulting.error.too-many-indicators");
        }
        if (all.isEmpty()) {
            errors.add("catalogStandards", "consulting.error.no-standard");
        }
        errors.throwIfAny();
        return new Checked(product, productClass, description, all, indicators);
    }

    private static String text(
            String raw, int max, String field, boolean required, InvalidInputException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(field, "consulting.error.required");
            }
            return null;
        }
        String text = raw.strip();
        if (text.length() > max) {
            errors.add(field, "consulting.error.too-long");
            return null;
        }
        if (ControlCharacters.present(text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '))) {
            errors.add(field, "consulting.error.control-characters");
            return null;
        }
        return text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
