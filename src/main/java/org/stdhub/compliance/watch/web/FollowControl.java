package org.stdhub.compliance.watch.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardPageExtension;

/**
 * The "关注 / Follow" button of a standard's page (for signed-in people), posting to {@link
 * WatchlistPageController}'s quick watch, and the notice of what it did.
 */
@Component
class FollowControl implements StandardPageExtension {

    @Override
    public List<Fragment> actions(StandardDetail standard) {
        return List.of(new Fragment("watch/follow", "follow", Map.of("designation", standard.designation())));
    }
}
