package org.stdhub.identity;

import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/** A person's names and mobile number, changed by themselves or by the base office. */
@Service
@Transactional
public class Profiles {

    private final PersonRepository people;
    private final ApplicationEventPublisher events;

    Profiles(PersonRepository people, ApplicationEventPublisher events) {
        this.people = people;
        this.events = events;
    }

    /** Changes what is given (null: unchanged; blank English name or mobile: removed). */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or #personId == principal.personId()")
    public Person change(long personId, String displayNameZh, String displayNameEn, String mobile) {
        Person p =
                people.findById(personId).orElseThrow(() -> new NotFoundException("person.error.not-found", personId));
        var errors = new InvalidInputException.Collector();
        errors.check(
                displayNameZh == null
                        || (!displayNameZh.isBlank() && displayNameZh.strip().length() <= 100),
                "displayNameZh",
                "person.error.display-name");
        errors.check(
                displayNameEn == null || displayNameEn.strip().length() <= 100,
                "displayNameEn",
                "person.error.display-name-en");
        errors.check(
                mobile == null
                        || mobile.isBlank()
                        || (PersonRules.MOBILE.matcher(mobile.strip()).matches()
                                && mobile.strip().length() <= 20),
                "mobile",
                "person.error.mobile");
        errors.throwIfAny();
        String zh = displayNameZh == null ? p.getDisplayNameZh() : displayNameZh.strip();
        String en = displayNameEn == null ? p.getDisplayNameEn() : blankToNull(displayNameEn);
        String mob = mobile == null ? p.getMobile() : blankToNull(mobile);
        var change = StateChanged.of("person", p.getLogin(), "updated");
        if (!zh.equals(p.getDisplayNameZh())) {
            change = change.withChange("displayNameZh", p.getDisplayNameZh(), zh);
        }
        if (!Objects.equals(en, p.getDisplayNameEn())) {
            change = change.withChange("displayNameEn", p.getDisplayNameEn(), en);
        }
        if (!Objects.equals(mob, p.getMobile())) {
            change = change.withChange("mobile", p.getMobile(), mob);
        }
        if (!change.changes().isEmpty()) {
            p.changeProfile(zh, en, mob);
            events.publishEvent(change);
        }
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
