package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a multipart request whose body was refused while it was read (an upload over the size limit): nothing in
 * it reaches a controller, which only answers why. The web security skips the CSRF check for such a request —
 * the token travels in the unread body, and there is nothing a forged one could do — so that the person sees the
 * reason instead of a bare 403, without the token ever being put in the form's address.
 */
public final class UnreadableUpload {

    private static final String ATTRIBUTE = UnreadableUpload.class.getName();

    private UnreadableUpload() {}

    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isMarked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
