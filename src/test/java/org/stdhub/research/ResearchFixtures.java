package org.stdhub.research;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;

/**
 * What the research tests share: organizations and people ({@link TestPeople}), signing in (in the security context
 * or on a MockMvc request), and a run-unique number (the context and database are shared) that the tests put in the
 * topics, titles and codes they make.
 */
final class ResearchFixtures {

    static final String RUN = String.valueOf(System.nanoTime() % 100_000);

    final TestPeople people;

    ResearchFixtures(Accounts accounts, Organizations organizations, Principals principals) {
        this.people = new TestPeople(accounts, organizations, principals, "研究测试");
    }

    void signIn(String login) {
        people.signIn(login);
    }

    /** A MockMvc request made as {@code login}. */
    RequestPostProcessor as(String login) {
        return people.as(login);
    }

    /** Capital letters made from this run's digits (for codes such as an alliance's group code). */
    static String letters() {
        return TestPeople.letters(Integer.parseInt(RUN));
    }
}
