package org.stdhub.consulting;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.consulting.enquiry.EnquiryStore;
import org.stdhub.identity.Contact;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * The routing table of enquiries, kept by the base office: a field prefix of a scheme (ICS {@code 91.140}, CCS
 * {@code Y6}) names the person — staff or expert — who answers enquiries in that field. An enquiry goes to the route
 * with the longest prefix of its class; an empty prefix is the scheme's fallback; no route → the base office assigns.
 */
@Service
@Transactional
public class EnquiryRoutes {

    static final String AUDIT_TYPE = "enquiry-route";
    private static final Pattern PREFIX = Pattern.compile("^[0-9A-Z.]{0,20}$");

    private final EnquiryStore store;
    private final Recipients recipients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnquiryRoutes(EnquiryStore store, Recipients recipients, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    @Transactional(readOnly = true)
    public List<EnquiryStore.Route> all() {
        return store.routes();
    }

    /** Adds a route, or gives an existing prefix another assignee. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public void put(String scheme, String prefix, Long personId) {
        String s = scheme == null ? "" : scheme.strip().toUpperCase(Locale.ROOT);
        String p = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        errors.check(s.equals("ICS") || s.equals("CCS"), "scheme", "consulting.error.field");
        errors.check(PREFIX.matcher(p).matches(), "prefix", "consulting.error.field");
        errors.check(personId != null, "personId", "consulting.error.person");
        errors.throwIfAny();
        Contact person = recipients.ofPerson(personId).stream()
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of("personId", "consulting.error.person")));
        store.putRoute(s, p, personId, person.displayName(), clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, s + ":" + p, "routed").withChange("assignee", null, personId));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public void remove(long id) {
        if (!store.removeRoute(id)) {
            throw new NotFoundException("consulting.error.route-not-found", id);
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "removed"));
    }

    /** The route of a class: the longest prefix of the scheme that the code starts with. */
    @Transactional(readOnly = true)
    Optional<EnquiryStore.Route> route(String scheme, String code) {
        return store.routes().stream()
                .filter(r -> r.scheme().equals(scheme) && code.startsWith(r.prefix()))
                .max(Comparator.comparingInt(r -> r.prefix().length()));
    }
}
