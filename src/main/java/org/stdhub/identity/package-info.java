/**
 * Identity: people, organizations, roles held through memberships, API tokens, login and the security filter
 * chain. The root package is the module's API: {@link org.stdhub.identity.Accounts} (administration of accounts),
 * {@link org.stdhub.identity.Registrations} (self-registration, e-mail verification), {@link
 * org.stdhub.identity.Passwords}, {@link org.stdhub.identity.Organizations}, {@link org.stdhub.identity.ApiTokens}
 * and {@link org.stdhub.identity.StdHubUser}; what it hands other modules are views ({@link
 * org.stdhub.identity.PersonView}, {@link org.stdhub.identity.OrganizationView}, {@link
 * org.stdhub.identity.MembershipView}), never the JPA entities. {@link org.stdhub.identity.Principals} and {@link
 * org.stdhub.identity.LoginThrottle} serve identity's own security layer only ({@code ModuleApiTests}). {@code
 * security} holds the filter chain and throttles, {@code web} the pages and JSON API, {@code cli} the operator
 * commands. Depends on {@code platform} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
package org.stdhub.identity;
