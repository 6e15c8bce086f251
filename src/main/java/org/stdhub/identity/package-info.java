/**
 * Identity: people, organizations, roles held through memberships, API tokens, login and the security filter
 * chain. The root package is the module's API ({@link org.stdhub.identity.Accounts}, {@link
 * org.stdhub.identity.Organizations}, {@link org.stdhub.identity.ApiTokens}, {@link org.stdhub.identity.StdHubUser});
 * {@code security} holds the filter chain and throttles, {@code web} the pages and JSON API, {@code cli} the
 * operator commands. Depends on {@code platform} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package org.stdhub.identity;
