package org.stdhub.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs the command named on the command line, after start-up work (migrations, seed) is done. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CommandDispatcher implements ApplicationRunner, ExitCodeGenerator {

    private final Map<String, StdHubCommand> commands;
    private final String command;
    private int exitCode;

    CommandDispatcher(List<StdHubCommand> commands, @Value("${stdhub.command:}") String command) {
        this.commands = commands.stream().collect(Collectors.toMap(StdHubCommand::name, Function.identity()));
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (command.isEmpty()) {
            return;
        }
        exitCode = dispatch(command, commandArguments(arguments.getSourceArgs()));
    }

    /**
     * The words after the command's name, less the application's properties given on the same command line
     * ({@code --stdhub.data-dir=…}, {@code --logging.level.root=WARN}: an option whose name has a dot), which
     * configure the application, not the command.
     */
    static List<String> commandArguments(String[] sourceArgs) {
        return Arrays.asList(sourceArgs).subList(Math.min(1, sourceArgs.length), sourceArgs.length).stream()
                .filter(a -> !isApplicationProperty(a))
                .toList();
    }

    private static boolean isApplicationProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int end = arg.indexOf('=');
        return arg.substring(2, end < 0 ? arg.length() : end).contains(".");
    }

    /** Runs the command named {@code name} with {@code args} (the words after its name); returns its exit code. */
    int dispatch(String name, List<String> args) throws Exception {
        StdHubCommand target = commands.get(name);
        if (target == null) {
            System.err.println("Unknown command '" + name + "'. Commands:");
            commands.values().stream()
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .forEach(c -> System.err.println("  " + c.usage()));
            return OperatorCommandLine.USAGE;
        }
        return target.run(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
