/**
 * The shared kernel: i18n, error handling (problem details), paging, the clock, the {@link
 * org.stdhub.platform.StateChanged} event every module publishes for the audit trail, mail, the web layout and the
 * command-line dispatcher. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package org.stdhub.platform;
