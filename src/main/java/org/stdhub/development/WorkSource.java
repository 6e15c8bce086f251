package org.stdhub.development;

import java.util.List;
import org.stdhub.identity.StdHubUser;

/**
 * An extension point of "my work" (an SPI): other modules add the items they hold for a person (a verification task
 * on a project's draft, …). Read from the current state, like {@link MyWork} itself.
 */
public interface WorkSource {

    List<WorkItem> itemsFor(StdHubUser person);
}
