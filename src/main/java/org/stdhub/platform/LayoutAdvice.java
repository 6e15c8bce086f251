package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model values every page's layout needs. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /**
     * The page being shown, in the other language. The query is decoded and encoded again, so that any query a
     * client sends ({@code ?x=a=b}, a stray {@code %}, raw {@code <>}) gives a valid link instead of an error; the
     * path is the one the server accepted, as it was sent (the template escapes it).
     */
    @ModelAttribute("switchLanguageUrl")
    String switchLanguageUrl(HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String other = "en".equals(locale.getLanguage()) ? "zh_CN" : "en";
        return QueryString.parse(request.getQueryString()).with("lang", other).on(request.getRequestURI());
    }
}
