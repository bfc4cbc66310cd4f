package org.bms.cli;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code create NAME NUMBER BALANCE}: POST /accounts. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = "Open an account. The balance is exact: 10.101 USD is refused, never rounded.")
final class CreateCommand implements Callable<Integer> {

    @ParentCommand
    BmsCli cli;

    @Parameters(index = "0", paramLabel = "NAME", description = "Holder name, 1-100 characters.")
    String name;

    @Parameters(
            index = "1",
            paramLabel = "NUMBER",
            description = "Account number or IBAN; spaces are removed, letters upper-cased.")
    String number;

    @Parameters(index = "2", paramLabel = "BALANCE", description = "Opening balance, e.g. 1000.50.")
    BigDecimal balance;

    @Option(
            names = "--currency",
            paramLabel = "CODE",
            description = "ISO 4217 code (default: the service's, USD unless configured).")
    String currency;

    @Override
    public Integer call() {
        Map<String, Object> body = Json.account(name, number, balance, currency);
        ServiceClient.Reply reply = cli.service().post("/accounts", body);
        Output output = cli.output();
        output.print(reply, output::account);
        return 0;
    }
}
