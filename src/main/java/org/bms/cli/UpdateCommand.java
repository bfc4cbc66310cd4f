package org.bms.cli;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code update ID}: PUT /accounts/{id}. The service replaces name, number and balance together, so fields not
 * given are read first and sent back unchanged, guarded by the version read ({@code If-Match}): a change made by
 * someone else in between is refused (412), never overwritten.
 */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Revise an account's holder name, number or balance; fields not given keep their current value.",
            "Guarded by If-Match: the version read, or --if-match."
        })
final class UpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    BmsCli cli;

    @Parameters(paramLabel = "ID", description = "The account id.")
    long id;

    @Option(names = "--name", paramLabel = "NAME", description = "New holder name.")
    String name;

    @Option(names = "--number", paramLabel = "NUMBER", description = "New account number or IBAN.")
    String number;

    @Option(names = "--balance", paramLabel = "AMOUNT", description = "New balance, exact at the currency's scale.")
    BigDecimal balance;

    @Option(
            names = "--currency",
            paramLabel = "CODE",
            description = "The account's currency, as a check: it cannot change.")
    String currency;

    @Option(
            names = "--if-match",
            paramLabel = "VERSION",
            description = "Update only if the account is still at this version (e.g. 3); 412 otherwise.")
    String ifMatch;

    @Override
    public Integer call() {
        if (name == null && number == null && balance == null) {
            throw new ParameterException(spec.commandLine(), "Give at least one of --name, --number, --balance");
        }
        ServiceClient service = cli.service();
        String precondition = ifMatch == null ? null : etag(ifMatch);
        if (name == null || number == null || balance == null) {
            ServiceClient.Reply current = service.get("/accounts/" + id);
            JsonValue account = current.json();
            name = name == null ? account.path("name").text() : name;
            number = number == null ? account.path("number").text() : number;
            balance = balance == null ? account.path("balance").decimal() : balance;
            if (precondition == null) {
                precondition = current.header("ETag").orElse(null);
            }
        }
        Map<String, Object> body = Json.account(name, number, balance, currency);
        ServiceClient.Reply reply = service.put("/accounts/" + id, body, "If-Match", precondition);
        Output output = cli.output();
        output.print(reply, output::account);
        return 0;
    }

    /** A version as an entity tag: {@code 3} becomes {@code "3"}; a quoted tag is kept as given. */
    static String etag(String version) {
        String tag = version.strip();
        return tag.startsWith("\"") || tag.startsWith("W/") ? tag : "\"" + tag + "\"";
    }
}
