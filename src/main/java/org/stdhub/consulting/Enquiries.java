package org.stdhub.consulting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.consulting.enquiry.EnquiryFiles;
import org.stdhub.consulting.enquiry.EnquiryStore;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Enquiries of enterprises: asked with a field (ICS or CCS class) and attachments, routed by field to a person of
 * the routing table ({@link EnquiryRoutes}: the longest matching prefix; none → the base office assigns), answered
 * with references to catalog standards, due {@link ConsultingProperties#answerWorkingDays()} working days after they
 * were asked, and rated by the enterprise. Transitions follow {@link EnquiryTransition}. An enterprise sees its own
 * enquiries only, an assignee those assigned to them, the base office all.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class Enquiries {

    static final String AUDIT_TYPE = "enquiry";
    static final int LIST_LIMIT = 500;
    static final int MAX_REFERENCES = 30;
    private static final Pattern ICS = Pattern.compile("^\\d{2}(\\.\\d{3}(\\.\\d{2})?)?$");
    private static final Pattern CCS = Pattern.compile("^[A-Z](\\d{2})?$");

    /** An attachment as uploaded. */
    public record Upload(String fileName, byte[] content) {}

    private final EnquiryStore store;
    private final EnquiryFiles files;
    private final EnquiryRoutes routes;
    private final ValidityCheck check;
    private final Organizations organizations;
    private final Recipients recipients;
    private final ConsultingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Enquiries(
            EnquiryStore store,
            EnquiryFiles files,
            EnquiryRoutes routes,
            ValidityCheck check,
            Organizations organizations,
            Recipients recipients,
            ConsultingProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.files = files;
        this.routes = routes;
        this.check = check;
        this.organizations = organizations;
        this.recipients = recipients;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** An ENTERPRISE_USER asks for their enterprise; routed at once when a route matches the field. */
    public EnquiryView ask(EnquiryForm form, List<Upload> uploads) {
        Caller caller = Caller.current();
        long person = caller.person();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (form.organizationId() == null) {
            errors.add("organizationId", "consulting.error.organization");
        }
        String subject = text(form.subject(), 200, "subject", errors);
        String question = text(form.question(), 8000, "question", errors);
        String scheme =
                form.fieldScheme() == null ? "" : form.fieldScheme().strip().toUpperCase(Locale.ROOT);
        String code = form.fieldCode() == null ? "" : form.fieldCode().strip().toUpperCase(Locale.ROOT);
        if (!("ICS".equals(scheme) && ICS.matcher(code).matches()
                || "CCS".equals(scheme) && CCS.matcher(code).matches())) {
            errors.add("fieldCode", "consulting.error.field");
        }
        List<Upload> attached = uploads == null
                ? List.of()
                : uploads.stream()
                        .filter(u -> u != null && u.content() != null && u.content().length > 0)
                        .toList();
        if (attached.size() > properties.maxAttachments()) {
            errors.add("files", "consulting.error.too-many-attachments");
        }
        errors.throwIfAny();
        if (!caller.actsFor(form.organizationId())) {
            throw new NotPermittedException("consulting.error.not-your-enterprise");
        }
        List<ContentStore.Stored> stored = new ArrayList<>();
        for (Upload u : attached) {
            stored.add(files.store(u.content(), properties.attachmentMaxBytes()));
        }
        Instant now = clock.instant();
        LocalDate today = today();
        var route = routes.route(scheme, code);
        String orgName = organizations.find(form.organizationId()).nameZh();
        long id = store.insert(new EnquiryStore.NewEnquiry(
                form.organizationId(),
                orgName,
                person,
                caller.name(),
                subject,
                question,
                scheme,
                code,
                route.isPresent() ? EnquiryState.ASSIGNED : EnquiryState.SUBMITTED,
                route.map(EnquiryStore.Route::assigneePersonId).orElse(null),
                route.map(EnquiryStore.Route::assigneeName).orElse(null),
                now,
                WorkingDays.after(today, properties.answerWorkingDays()),
                false));
        for (int i = 0; i < stored.size(); i++) {
            ContentStore.Stored s = stored.get(i);
            store.addAttachment(id, fileName(attached.get(i).fileName()), s.mediaType(), s.size(), s.sha256());
        }
        StateChanged asked = StateChanged.of(AUDIT_TYPE, id, "asked").withChange("field", null, scheme + " " + code);
        if (route.isPresent()) {
            asked = asked.withChange("assignee", null, route.get().assigneeName())
                    .withChange(
                            "route",
                            null,
                            route.get().scheme() + " " + route.get().prefix());
        }
        events.publishEvent(asked);
        return progressed(get(id));
    }

    /** One enquiry, if the caller may see it (its enterprise, its assignee, the base office). */
    @Transactional(readOnly = true)
    public EnquiryView get(long id) {
        EnquiryView e = store.find(id, today())
                .orElseThrow(() -> new NotFoundException("consulting.error.enquiry-not-found", id));
        if (!maySee(Caller.current(), e)) {
            throw new NotFoundException("consulting.error.enquiry-not-found", id);
        }
        return e;
    }

    /** The enquiries the caller sees, newest first; optionally in one state. */
    @Transactional(readOnly = true)
    public List<EnquiryView> visible(EnquiryState state) {
        Caller caller = Caller.current();
        return store.list(
                caller.office(), List.copyOf(caller.enterprises()), caller.personId(), state, today(), LIST_LIMIT);
    }

    /** What the caller may do with the enquiry now. */
    @Transactional(readOnly = true)
    public EnquiryView.Actions actions(EnquiryView e) {
        Caller caller = Caller.current();
        return new EnquiryView.Actions(
                allowed(caller, e, EnquiryTransition.ASSIGN),
                allowed(caller, e, EnquiryTransition.ANSWER),
                allowed(caller, e, EnquiryTransition.RATE),
                allowed(caller, e, EnquiryTransition.WITHDRAW),
                caller.office() && (e.state() == EnquiryState.ANSWERED || e.state() == EnquiryState.RATED));
    }

    /** The base office assigns (or reassigns) an open enquiry. */
    public EnquiryView assign(long id, long personId, String comment) {
        EnquiryView e = step(id, EnquiryTransition.ASSIGN);
        Contact assignee = recipients.ofPerson(personId).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of("personId", "consulting.error.person")));
        store.assign(id, personId, assignee.displayName());
        move(e, EnquiryTransition.ASSIGN, comment, "assignee", e.assigneeName(), assignee.displayName());
        return get(id);
    }

    /** The assignee (or the base office) answers; every reference must name a standard of the catalog. */
    public EnquiryView answer(long id, String answer, List<String> references, Locale locale) {
        EnquiryView e = step(id, EnquiryTransition.ANSWER);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String text = text(answer, 8000, "answer", errors);
        errors.throwIfAny();
        List<String> refs = references(references, locale);
        store.answer(id, text, refs, clock.instant());
        move(e, EnquiryTransition.ANSWER, null, "references", null, String.join(", ", refs));
        return progressed(get(id));
    }

    /** The enterprise rates the answer, 1 (poor) to 5 (excellent). */
    public EnquiryView rate(long id, Integer rating, String comment) {
        EnquiryView e = step(id, EnquiryTransition.RATE);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        errors.check(rating != null && rating >= 1 && rating <= 5, "rating", "consulting.error.rating");
        String why = comment == null || comment.isBlank() ? null : text(comment, 1000, "comment", errors);
        errors.throwIfAny();
        store.rate(id, rating, why);
        move(e, EnquiryTransition.RATE, why, "rating", null, rating);
        return get(id);
    }

    /** The enterprise withdraws an enquiry not answered yet. */
    public EnquiryView withdraw(long id, String comment) {
        EnquiryView e = step(id, EnquiryTransition.WITHDRAW);
        move(e, EnquiryTransition.WITHDRAW, comment, null, null, null);
        return progressed(get(id));
    }

    /** Tells other modules (the research center's figures) where the enquiry stands now. */
    private EnquiryView progressed(EnquiryView e) {
        events.publishEvent(EnquiryProgressed.of(e, clock.getZone(), clock.instant()));
        return e;
    }

    /**
     * The open enquiries past their deadline, oldest deadline first, for the base office's dashboard (others get an
     * empty list).
     */
    @Transactional(readOnly = true)
    public List<EnquiryView> pastDeadline(int limit) {
        Caller caller = Caller.current();
        if (!caller.office()) {
            return List.of();
        }
        List<EnquiryView> out = new ArrayList<>();
        for (EnquiryState s : List.of(EnquiryState.SUBMITTED, EnquiryState.ASSIGNED)) {
            out.addAll(store.list(true, List.of(), null, s, today(), LIST_LIMIT).stream()
                    .filter(EnquiryView::overdue)
                    .toList());
        }
        out.sort(java.util.Comparator.comparing(EnquiryView::dueOn).thenComparing(EnquiryView::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** An attachment's content, for those who see the enquiry. */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(long enquiryId, long attachmentId) {
        get(enquiryId);
        var a = store.attachment(enquiryId, attachmentId)
                .orElseThrow(() -> new NotFoundException("consulting.error.attachment-not-found", attachmentId));
        return new AttachmentContent(a.fileName(), a.mediaType(), files.read(a.sha256()));
    }

    /** An attachment's name, type and bytes. */
    public record AttachmentContent(String fileName, String mediaType, byte[] content) {}

    /** Checks that the caller sees the enquiry and may take the transition from its state now. */
    private EnquiryView step(long id, EnquiryTransition t) {
        EnquiryView e = get(id);
        Caller caller = Caller.current();
        if (!permitted(caller, e, t)) {
            throw new NotPermittedException("consulting.error.enquiry-not-permitted");
        }
        if (!t.leavesFrom(e.state())) {
            throw new ConflictException(
                    "consulting.error.enquiry-transition", t.action(), e.state().name());
        }
        return e;
    }

    private void move(EnquiryView e, EnquiryTransition t, String comment, String field, Object before, Object after) {
        if (e.state() != t.to() && !store.move(e.id(), e.state(), t.to())) {
            throw new ConflictException(
                    "consulting.error.enquiry-transition", t.action(), e.state().name());
        }
        StateChanged changed = StateChanged.of(AUDIT_TYPE, e.id(), t.action()).withChange("state", e.state(), t.to());
        if (field != null) {
            changed = changed.withChange(field, before, after);
        }
        events.publishEvent(comment == null || comment.isBlank() ? changed : changed.withComment(comment.strip()));
    }

    private static boolean permitted(Caller caller, EnquiryView e, EnquiryTransition t) {
        return switch (t.who()) {
            case OFFICE -> caller.office();
            case ASSIGNEE -> caller.is(e.assigneePersonId()) || caller.office();
            case ENTERPRISE -> caller.actsFor(e.organizationId());
        };
    }

    private static boolean allowed(Caller caller, EnquiryView e, EnquiryTransition t) {
        return permitted(caller, e, t) && t.leavesFrom(e.state());
    }

    static boolean maySee(Caller caller, EnquiryView e) {
        return caller.office() || caller.actsFor(e.organizationId()) || caller.is(e.assigneePersonId());
    }

    /** The references as the catalog reads them; refuses any that is not a standard of the catalog. */
    private List<String> references(List<String> references, Locale locale) {
        Set<String> texts = new LinkedHashSet<>();
        if (references != null) {
            for (String r : references) {
                if (r != null && !r.isBlank()) {
                    texts.add(r.strip());
                }
            }
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        if (texts.size() > MAX_REFERENCES) {
            throw new InvalidInputException(Map.of("references", "consulting.error.too-many-references"));
        }
        CheckReport report = check.checkDesignations(List.copyOf(texts), true, locale);
        Set<String> refs = new LinkedHashSet<>();
        for (CheckLine line : report.lines()) {
            if (!line.verdict().matched()) {
                throw new DeclarationRefused("consulting.error.reference-unknown", line.input());
            }
            refs.add(line.standard().designation());
        }
        return List.copyOf(refs);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String fileName(String name) {
        String n = name == null || name.isBlank()
                ? "attachment"
                : name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    static String text(String raw, int max, String field, InvalidInputException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(field, "consulting.error.required");
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
}
