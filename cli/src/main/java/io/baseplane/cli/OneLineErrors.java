package io.baseplane.cli;

import io.baseplane.cli.http.ApiErrorException;
import io.baseplane.cli.http.ApiUnreachableException;
import io.baseplane.cli.text.Text;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns any failure while a command runs into one line on stderr and an exit code: operators read, scripts test. */
final class OneLineErrors implements IExecutionExceptionHandler {

    static final int REFUSED = 1;
    static final int UNREACHABLE = 3;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        command.getErr().println("error: " + describe(failure));
        return failure instanceof ApiUnreachableException ? UNREACHABLE : REFUSED;
    }

    private static String describe(Exception failure) {
        if (failure instanceof ApiErrorException || failure instanceof ApiUnreachableException) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : Text.oneLine(message);
    }
}
