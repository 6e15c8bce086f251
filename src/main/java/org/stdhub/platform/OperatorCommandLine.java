package org.stdhub.platform;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reads an operator command's arguments with picocli and runs it, the same way for every {@link StdHubCommand}:
 *
 * <ul>
 *   <li>{@code -h}/{@code --help} on the command and each of its subcommands prints its usage (exit 0);
 *   <li>an invalid command line — an unknown or missing option, a value of the wrong type, a missing subcommand —
 *       prints what is wrong and the usage to standard error, never a stack trace, and exits with {@value #USAGE};
 *   <li>input the application refuses prints {@code refused: …} to standard error: rule violations ({@link
 *       InvalidInputException}, one line per field) and other {@link UserFacingException}s exit with 1, an
 *       {@link IllegalArgumentException} (e.g. "no user …") with {@value #USAGE};
 *   <li>otherwise the exit code is what the command's {@code call()} returns.
 * </ul>
 *
 * Enum values are read case-insensitively. Output goes to the {@code System.out} and {@code System.err} of the
 * moment the command runs.
 */
public final class OperatorCommandLine {

    /** The exit code of a command line that cannot be run as typed. */
    public static final int USAGE = 2;

    private OperatorCommandLine() {}

    /** Parses {@code args} for {@code command} (a picocli command with its subcommands added) and runs it. */
    public static int execute(CommandLine command, List<String> args) {
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        withHelpOption(command);
        command.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(OperatorCommandLine::invalidCommandLine)
                .setExecutionExceptionHandler(OperatorCommandLine::refused)
                .setExecutionStrategy(OperatorCommandLine::runTypedCommand);
        try {
            return command.execute(args.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** As {@link #execute(CommandLine, List)} for a command without subcommands. */
    public static int execute(Object command, List<String> args) {
        return execute(new CommandLine(command), args);
    }

    private static void withHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Shows this help and exits.")
                    .build());
        }
        command.getSubcommands().values().forEach(OperatorCommandLine::withHelpOption);
    }

    /** Runs the last command typed, unless it only groups subcommands and none was typed. */
    private static int runTypedCommand(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandSpec typed = last.commandSpec();
        if (!typed.subcommands().isEmpty()) {
            throw new ParameterException(
                    typed.commandLine(),
                    "Missing subcommand: "
                            + String.join(" | ", typed.subcommands().keySet()));
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int invalidCommandLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return USAGE;
    }

    private static int refused(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        PrintWriter err = command.getErr();
        switch (e) {
            case InvalidInputException invalid -> {
                invalid.fieldErrors().forEach((field, key) -> err.println("refused: " + field + ": " + key));
                return 1;
            }
            case UserFacingException refused -> {
                err.println("refused: " + refused.messageKey()
                        + (refused.args().length == 0 ? "" : " " + Arrays.toString(refused.args())));
                return 1;
            }
            case IllegalArgumentException wrong -> {
                err.println("refused: " + wrong.getMessage());
                return USAGE;
            }
            default -> throw e;
        }
    }
}
