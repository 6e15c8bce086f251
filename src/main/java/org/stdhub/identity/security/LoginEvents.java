package org.stdhub.identity.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.stdhub.identity.LoginThrottle;
import org.stdhub.identity.StdHubUser;

/**
 * Counts failed and successful password logins per account and address ({@link LoginThrottle}) and per address
 * ({@link AddressThrottle}). A success clears the account's counters but never the address's: one good password
 * must not reset the count of an address that tries many accounts.
 */
@Component
class LoginEvents {

    private final LoginThrottle accounts;
    private final AddressThrottle addresses;

    LoginEvents(LoginThrottle accounts, AddressThrottle addresses) {
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        if (event.getAuthentication().getPrincipal() instanceof String login) {
            accounts.failed(login, address);
        }
        if (address != null) {
            addresses.failed(address);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StdHubUser user
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            accounts.succeeded(user.personId(), details.getRemoteAddress());
        }
    }
}
