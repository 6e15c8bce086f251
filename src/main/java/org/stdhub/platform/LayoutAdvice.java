package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Model values every page's layout needs. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    /** The page being shown, in the other language. */
    @ModelAttribute("switchLanguageUrl")
    String switchLanguageUrl(HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String other = "en".equals(locale.getLanguage()) ? "zh_CN" : "en";
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(query == null ? "" : query)
                .replaceQueryParam("lang", other)
                .build(true)
                .toUriString();
    }
}
