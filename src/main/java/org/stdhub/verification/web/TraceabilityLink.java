package org.stdhub.verification.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stdhub.catalog.StandardDetail;
import org.stdhub.catalog.StandardPageExtension;

/** The "条款追溯 / Traceability" link on a standard's catalog page, to {@code /standards/traceability}. */
@Component
class TraceabilityLink implements StandardPageExtension {

    @Override
    public List<Fragment> actions(StandardDetail standard) {
        return List.of(new Fragment("verification/trace-link", "link", Map.of("designation", standard.designation())));
    }
}
