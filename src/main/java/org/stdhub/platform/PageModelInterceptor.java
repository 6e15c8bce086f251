package org.stdhub.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

/** Adds every module's {@link PageModel} values to a page about to be rendered (not to redirects or JSON). */
final class PageModelInterceptor implements HandlerInterceptor {

    private final List<PageModel> contributions;

    PageModelInterceptor(List<PageModel> contributions) {
        this.contributions = List.copyOf(contributions);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || !page.hasView() || isRedirectOrForward(page)) {
            return;
        }
        Map<String, Object> model = page.getModel();
        for (PageModel contribution : contributions) {
            contribution.attributes(request).forEach((name, value) -> {
                if (value != null) {
                    model.putIfAbsent(name, value);
                }
            });
        }
    }

    private static boolean isRedirectOrForward(ModelAndView page) {
        if (page.getView() instanceof SmartView smart && smart.isRedirectView()) {
            return true;
        }
        String name = page.getViewName();
        return name != null && (name.startsWith("redirect:") || name.startsWith("forward:"));
    }
}
