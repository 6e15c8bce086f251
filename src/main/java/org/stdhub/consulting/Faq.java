package org.stdhub.consulting;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.consulting.enquiry.FaqStore;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * The public FAQ: staff of the base office turn an answered enquiry into an entry, with the text edited so that
 * nothing names the enterprise (an entry whose text contains the enterprise's name is refused). Anyone reads and
 * searches it (every word must appear in the Chinese or English text, the references or the field).
 */
@Service
@Transactional
public class Faq {

    static final String AUDIT_TYPE = "faq";
    static final int LIMIT = 200;

    private final FaqStore store;
    private final Enquiries enquiries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Faq(FaqStore store, Enquiries enquiries, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.enquiries = enquiries;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<FaqEntry> search(String q) {
        return store.search(q == null || q.isBlank() ? null : q.strip(), LIMIT);
    }

    @Transactional(readOnly = true)
    public FaqEntry get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("consulting.error.faq-not-found", id));
    }

    /** Staff publish an answered enquiry as an entry, with edited text. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public FaqEntry publish(long enquiryId, FaqForm form) {
        EnquiryView e = enquiries.get(enquiryId);
        if (e.state() != EnquiryState.ANSWERED && e.state() != EnquiryState.RATED) {
            throw new ConflictException("consulting.error.faq-not-answered");
        }
        if (store.existsForEnquiry(enquiryId)) {
            throw new ConflictException("consulting.error.faq-exists");
        }
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        String qZh = Enquiries.text(form.questionZh(), 4000, "questionZh", errors);
        String aZh = Enquiries.text(form.answerZh(), 8000, "answerZh", errors);
        String qEn = optional(form.questionEn(), 4000, "questionEn", errors);
        String aEn = optional(form.answerEn(), 8000, "answerEn", errors);
        String name = e.organizationName().toLowerCase(Locale.ROOT);
        for (String t : new String[] {qZh, aZh, qEn, aEn}) {
            if (t != null && t.toLowerCase(Locale.ROOT).contains(name)) {
                errors.add("questionZh", "consulting.error.faq-names-enterprise");
            }
        }
        errors.throwIfAny();
        Caller caller = Caller.current();
        long id = store.insert(
                enquiryId, qZh, aZh, qEn, aEn, e.fieldCode(), e.references(), caller.name(), clock.instant(), false);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "published").withChange("enquiry", null, enquiryId));
        return get(id);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public void withdraw(long id) {
        if (!store.delete(id)) {
            throw new NotFoundException("consulting.error.faq-not-found", id);
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "withdrawn"));
    }

    private static String optional(String raw, int max, String field, InvalidInputException.Collector errors) {
        return raw == null || raw.isBlank() ? null : Enquiries.text(raw, max, field, errors);
    }
}
