package org.stdhub.development;

import java.time.Instant;
import java.util.List;

/**
 * A ballot to open on a project.
 *
 * @param opensAt when voting starts (null: now)
 * @param closesAt when voting ends
 * @param panel a named panel of voters (person ids), or null/empty for the alliance's member representatives
 * @param secret whether votes are shown only as counts
 */
public record NewBallot(Instant opensAt, Instant closesAt, List<Long> panel, Boolean secret) {

    public boolean isSecret() {
        return Boolean.TRUE.equals(secret);
    }
}
