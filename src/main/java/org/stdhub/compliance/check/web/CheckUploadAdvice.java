package org.stdhub.compliance.check.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.stdhub.compliance.check.CheckTexts;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused while the request is read, before
 * any controller: answered as a 400 problem detail (API), the check page with the message (the check page), or
 * the error page. Ordered first so that it wins over the generic 413 answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckUploadAdvice {

    static final String CODE = "compliance.error.file-too-large";

    private final CheckTexts texts;
    private final long maxMegabytes;

    CheckUploadAdvice(CheckTexts texts, @Value("${spring.servlet.multipart.max-file-size:5MB}") DataSize maxFileSize) {
        this.texts = texts;
        this.maxMegabytes = maxFileSize.toMegabytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = texts.message(CODE, locale, maxMegabytes);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
            problem.setTitle(texts.message("error.title.400", locale));
            problem.setType(URI.create("urn:stdhub:problem:" + CODE));
            problem.setProperty("code", CODE);
            return ResponseEntity.badRequest().body(problem);
        }
        if (path.startsWith("/compliance/")) {
            ExtendedModelMap model = new ExtendedModelMap();
            CheckPageController.prepare(model, request.getUserPrincipal() != null, texts);
            model.addAttribute("error", detail);
            ModelAndView page = new ModelAndView(CheckPageController.VIEW, model);
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("status", 400);
        page.addObject("title", texts.message("error.title.400", locale));
        page.addObject("detail", detail);
        return page;
    }
}
