package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Model values every page's layout needs. */
@Component
class LayoutModel implements PageModel {

    /**
     * The page being shown, in the other language. The query is decoded and encoded again, so that any query a
     * client sends ({@code ?x=a=b}, a stray {@code %}, raw {@code <>}) gives a valid link instead of an error; the
     * path is the one the server accepted, as it was sent (the template escapes it).
     */
    @Override
    public Map<String, Object> attributes(HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String other = "en".equals(locale.getLanguage()) ? "zh_CN" : "en";
        return Map.of(
                "switchLanguageUrl",
                QueryString.parse(request.getQueryString()).with("lang", other).on(request.getRequestURI()));
    }
}
