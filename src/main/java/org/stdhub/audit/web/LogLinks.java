package org.stdhub.audit.web;

import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;
import org.stdhub.audit.AuditFilter;

/** Links to other pages of the admin log with the same filter (only the criteria that are set). */
record LogLinks(AuditFilter filter) {

    public String page(int page) {
        return UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("objectType", Optional.ofNullable(filter.objectType()))
                .queryParamIfPresent("objectId", Optional.ofNullable(filter.objectId()))
                .queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
                .queryParamIfPresent("action", Optional.ofNullable(filter.action()))
                .queryParam("page", page)
                .encode()
                .build()
                .toUriString();
    }
}
