package org.stdhub.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure there is an administrator. On the first start (no ADMIN anywhere) it creates the base office and an
 * admin account from {@code stdhub.admin.*}; without a configured password it prints a one-time password to the
 * log, once, which must be changed at the first login. No password is kept in the repository.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final Organizations organizations;
    private final String login;
    private final String email;
    private final String password;

    FirstAdmin(
            Accounts accounts,
            Organizations organizations,
            @Value("${stdhub.admin.login:admin}") String login,
            @Value("${stdhub.admin.email:admin@stdhub.local}") String email,
            @Value("${stdhub.admin.password:}") String password) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.login = login;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            return;
        }
        Organization office = organizations.createUnchecked(
                OrganizationKind.BASE_OFFICE, "郑洛新国家技术标准创新基地管理办公室", "Base office", null, null);
        Accounts.CreatedPerson admin = accounts.createPersonUnchecked(
                new NewPerson(login, email, null, "系统管理员", "Administrator", password.isEmpty() ? null : password));
        organizations.grantUnchecked(admin.personId(), office.getId(), Role.ADMIN, null, null);
        organizations.grantUnchecked(admin.personId(), office.getId(), Role.BASE_OFFICER, null, null);
        if (admin.oneTimePassword() != null) {
            log.warn(
                    "\n\n    First start: administrator '{}' created with the one-time password  {}\n"
                            + "    Sign in at /login and choose a new password. This password is shown only this once.\n",
                    admin.login(),
                    admin.oneTimePassword());
        } else {
            log.info("First start: administrator '{}' created with the configured password", admin.login());
        }
    }
}
