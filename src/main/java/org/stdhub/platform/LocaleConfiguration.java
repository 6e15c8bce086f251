package org.stdhub.platform;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese first, English second: {@code ?lang=en} switches and is remembered in a cookie; without a
 * choice pages are Chinese, and API answers follow {@code Accept-Language} (English or Chinese).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("stdhub-lang") {
            @Override
            public void setLocaleContext(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    org.springframework.context.i18n.LocaleContext context) {
                Locale asked = context == null ? null : context.getLocale();
                Locale supported = asked != null && "en".equals(asked.getLanguage()) ? Locale.ENGLISH : CHINESE;
                super.setLocaleContext(
                        request, response, new org.springframework.context.i18n.SimpleLocaleContext(supported));
            }

            /** Whatever the cookie says ("fr", "xx_YY_zz", junk), pages speak one of the two languages. */
            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                    jakarta.servlet.http.HttpServletRequest request) {
                org.springframework.context.i18n.LocaleContext resolved = super.resolveLocaleContext(request);
                java.util.TimeZone zone =
                        resolved instanceof org.springframework.context.i18n.TimeZoneAwareLocaleContext aware
                                ? aware.getTimeZone()
                                : null;
                return new org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext(
                        supported(resolved.getLocale()), zone);
            }

            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }
        };
        // an unreadable cookie is ignored (the default language applies) instead of failing the request
        resolver.setRejectInvalidCookies(false);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            // pages speak Chinese until the person switches; API clients may ask for English per request
            boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            Locale asked = request.getLocale();
            return api && request.getHeader("Accept-Language") != null && "en".equals(asked.getLanguage())
                    ? Locale.ENGLISH
                    : CHINESE;
        });
        return resolver;
    }

    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    private final List<PageModel> pageModels;

    LocaleConfiguration(List<PageModel> pageModels) {
        this.pageModels = pageModels;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageModelInterceptor(pageModels));
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
