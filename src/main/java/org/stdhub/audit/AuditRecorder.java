package org.stdhub.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.StateChanged;

/**
 * Writes every {@link StateChanged} into the chain, synchronously and in the publisher's transaction: the
 * entry commits with the change or rolls back with it, and a failure to record fails the change.
 */
@Component
class AuditRecorder {

    private final AuditStore store;
    private final Clock clock;

    AuditRecorder(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(StateChanged event) {
        store.append(event, Actors.current(), Actors.address(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
