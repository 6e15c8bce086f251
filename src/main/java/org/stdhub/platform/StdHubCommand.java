package org.stdhub.platform;

import java.util.List;

/**
 * An operator command run as {@code java -jar stdhub.jar NAME ARGS…}; modules contribute them as beans. Commands
 * read their arguments with {@link OperatorCommandLine} (picocli), so that every one answers {@code --help} and
 * refuses an invalid command line alike (exit code 2).
 */
public interface StdHubCommand {

    /** The name typed after the jar. */
    String name();

    /** One line of usage, listed when an unknown command is typed. */
    String usage();

    /** Runs the command; returns the process exit code (0 = success). */
    int run(List<String> args) throws Exception;
}
