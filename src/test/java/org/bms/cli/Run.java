package org.bms.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.bms.support.Tokens;

/** What one client command did, run in-process as a user would type it: its exit code and each stream. */
record Run(int exitCode, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = BmsCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** The command against the service at {@code url}, as an ADMIN. */
    static Run at(String url, String... args) {
        return as(Tokens.admin(), url, args);
    }

    /** The command against the service at {@code url} with {@code token}; null sends none. */
    static Run as(String token, String url, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        if (token != null) {
            all.addAll(List.of("--token", token));
        }
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }
}
