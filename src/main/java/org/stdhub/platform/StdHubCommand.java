package org.stdhub.platform;

import java.util.List;

/** An operator command run as {@code java -jar stdhub.jar NAME ARGS…}; modules contribute them as beans. */
public interface StdHubCommand {

    /** The name typed after the jar. */
    String name();

    /** One line of usage shown by {@code help}. */
    String usage();

    /** Runs the command; returns the process exit code (0 = success). */
    int run(List<String> args) throws Exception;
}
