package org.stdhub.identity.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.StdHubUser;

/** Counts failed and successful password logins per account and per address. */
@Component
class LoginEvents {

    private final Accounts accounts;
    private final AddressThrottle throttle;

    LoginEvents(Accounts accounts, AddressThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        if (name instanceof String login) {
            accounts.loginFailed(login);
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            throttle.failed(details.getRemoteAddress());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StdHubUser user
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            accounts.loginSucceeded(user.getUsername());
            throttle.succeeded(details.getRemoteAddress());
        }
    }
}
