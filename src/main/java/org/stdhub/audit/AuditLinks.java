package org.stdhub.audit;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * URLs of an object's history, for the "History" tab of other modules' pages. Every page's model has it as
 * {@code auditLinks}: {@code th:href="@{${auditLinks.history('standard', s.designation)}}"}. Show a link only where
 * its reader may open it ({@link AuditLog#mayRead}; e.g. on a page only those who may see the object reach): the
 * history itself answers 404 to anyone else.
 */
@Component("auditLinks")
public class AuditLinks {

    /** The history page; type and id are each one encoded path segment ({@code GB%2FT%2019001-2016}). */
    public String history(String objectType, Object objectId) {
        return "/history/" + segment(objectType) + "/" + segment(String.valueOf(objectId));
    }

    /** The history as CSV. */
    public String csv(String objectType, Object objectId) {
        return history(objectType, objectId) + ".csv";
    }

    private static String segment(String text) {
        return UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
    }
}
