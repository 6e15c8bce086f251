package org.stdhub;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browser of a browser test class ({@code @ExtendWith(BrowserExtension.class)} on a {@code RANDOM_PORT} test):
 * one {@link BrowserSession} for the whole class, closed after it; for each test a fresh {@link BrowserContext} on
 * the application's port and a {@link Page} in it, both resolved as parameters of the test and its
 * {@code @BeforeEach}/{@code @AfterEach} methods. A failed test leaves a screenshot of its page in {@code
 * target/screenshots/failed-Class-method.png}.
 */
public final class BrowserExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext classContext) {
        classContext.getStore(NAMESPACE).put(BrowserSession.class, BrowserSession.launch());
    }

    @Override
    public void afterAll(ExtensionContext classContext) {
        BrowserSession session = classContext.getStore(NAMESPACE).remove(BrowserSession.class, BrowserSession.class);
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext testContext) {
        String port = SpringExtension.getApplicationContext(testContext)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        BrowserContext context = session(testContext).newContext(Integer.parseInt(port));
        ExtensionContext.Store store = testContext.getStore(NAMESPACE);
        store.put(BrowserContext.class, context);
        store.put(Page.class, context.newPage());
    }

    @Override
    public void afterEach(ExtensionContext testContext) {
        ExtensionContext.Store store = testContext.getStore(NAMESPACE);
        Page page = store.remove(Page.class, Page.class);
        BrowserContext context = store.remove(BrowserContext.class, BrowserContext.class);
        try {
            if (page != null && testContext.getExecutionException().isPresent()) {
                BrowserSession.screenshot(
                        page,
                        "failed-" + testContext.getRequiredTestClass().getSimpleName() + "-"
                                + testContext.getRequiredTestMethod().getName());
            }
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extensionContext) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class || type == BrowserSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extensionContext) {
        Class<?> type = parameter.getParameter().getType();
        if (type == BrowserSession.class) {
            return session(extensionContext);
        }
        Object value = extensionContext.getStore(NAMESPACE).get(type);
        if (value == null) {
            throw new IllegalStateException(type.getSimpleName() + " exists only around a test method");
        }
        return value;
    }

    private static BrowserSession session(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
    }
}
