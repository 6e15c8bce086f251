/**
 * Consulting: services to enterprises beyond the catalog itself. Enterprise standards self-declaration
 * (企业标准自我声明公开) with validity checks and watching of every declared standard, the front-runner
 * comparison of declared indicators, enquiries routed by field with service-level deadlines, and the public FAQ.
 * The root package is the module's API; sub-packages are its internals, {@code web} its pages and JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Consulting",
        allowedDependencies = {"platform", "identity", "catalog", "compliance"})
package org.stdhub.consulting;
