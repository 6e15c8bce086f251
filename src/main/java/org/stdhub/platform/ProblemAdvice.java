package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns domain errors into answers a person understands: RFC 9457 problem details for {@code /api/**},
 * an error page for everything else, both in the request's language.
 */
@RestControllerAdvice
class ProblemAdvice {

    private final MessageSource messages;

    ProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UserFacingException.class)
    Object userFacing(UserFacingException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (e) {
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case NotPermittedException notPermitted -> HttpStatus.FORBIDDEN;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            case TooManyRequestsException tooMany -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
        if (e instanceof TooManyRequestsException limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
        }
        Locale locale = LocaleContextHolder.getLocale();
        String detail = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        String title = messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setType(URI.create("urn:stdhub:problem:" + e.messageKey()));
            problem.setProperty("code", e.messageKey());
            e.problemProperties().forEach(problem::setProperty);
            if (e instanceof InvalidInputException invalid) {
                var localized = new java.util.LinkedHashMap<String, String>();
                invalid.fieldErrors()
                        .forEach((field, key) -> localized.put(field, messages.getMessage(key, null, key, locale)));
                problem.setProperty("errors", localized);
            }
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
