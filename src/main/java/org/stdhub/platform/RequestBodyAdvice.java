package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request body that cannot be read: too long ({@link RequestBodyLimitFilter}, 413) or not what the endpoint
 * reads (malformed JSON, wrong types: 400). Answered like every other error, in the request's language; ordered
 * before Spring's generic problem handler, whose English text names Java types.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyAdvice {

    private final MessageSource messages;

    RequestBodyAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        RequestBodyLimitFilter.BodyTooLargeException tooLarge = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeException b) {
                tooLarge = b;
                break;
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        HttpStatus status = tooLarge != null ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String key = tooLarge != null ? "error.body-too-large" : "error.body-unreadable";
        Object[] args = tooLarge != null ? new Object[] {Math.max(1, tooLarge.maxBytes() / 1024)} : new Object[0];
        String detail = messages.getMessage(key, args, key, locale);
        String title = messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setType(URI.create("urn:stdhub:problem:" + key));
            problem.setProperty("code", key);
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
