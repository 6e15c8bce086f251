package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Page values reach rendered pages only: not redirects (they would become query parameters), not JSON answers. */
class PageModelInterceptorTests {

    private final PageModelInterceptor interceptor = new PageModelInterceptor(List.of(request -> {
        Map<String, Object> values = new HashMap<>();
        values.put("switchLanguageUrl", request.getRequestURI() + "?lang=en");
        values.put("badge", null);
        return values;
    }));

    private ModelAndView after(ModelAndView page) {
        interceptor.postHandle(
                new MockHttpServletRequest("GET", "/standards"), new MockHttpServletResponse(), new Object(), page);
        return page;
    }

    @Test
    void aRenderedPageGetsTheValuesButNotNullOnes() {
        ModelAndView page = after(new ModelAndView("catalog/search"));
        assertThat(page.getModel()).containsEntry("switchLanguageUrl", "/standards?lang=en");
        assertThat(page.getModel()).doesNotContainKey("badge");
    }

    @Test
    void aValueTheControllerSetIsKept() {
        ModelAndView page = new ModelAndView("catalog/search");
        page.addObject("switchLanguageUrl", "/elsewhere");
        assertThat(after(page).getModel()).containsEntry("switchLanguageUrl", "/elsewhere");
    }

    @Test
    void redirectsForwardsAndJsonAnswersGetNothing() {
        assertThat(after(new ModelAndView("redirect:/standards")).getModel()).isEmpty();
        assertThat(after(new ModelAndView("forward:/standards")).getModel()).isEmpty();
        assertThat(after(new ModelAndView(new RedirectView("/standards"))).getModel())
                .isEmpty();
        ModelAndView json = after(new ModelAndView());
        assertThat(json.getModel()).isEmpty();
    }
}
