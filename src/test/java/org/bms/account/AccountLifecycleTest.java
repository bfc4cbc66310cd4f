package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.junit.jupiter.api.Test;

class AccountLifecycleTest extends HttpIntegrationTest {

    @Test
    void anAccountIsOpenedReadRevisedAndClosed() {
        String number = uniqueNumber();
        Response created = api.create("John Doe", number, "1000");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/accounts/" + created.id());
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.body()).contains("\"balance\":1000.00");

        Response read = api.get("/accounts/" + created.id());
        assertThat(read.status()).isEqualTo(200);
        json(read).extractingPath("$.number").isEqualTo(number);

        Response revised = api.put(
                "/accounts/" + created.id(),
                "{\"name\":\"John Q. Doe\",\"number\":\"" + number + "\",\"balance\":0}",
                "If-Match",
                read.etag());
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.etag()).isEqualTo("\"1\"");
        json(revised).extractingPath("$.name").isEqualTo("John Q. Doe");

        assertThat(api.delete("/accounts/" + created.id()).status()).isEqualTo(204);
        json(api.get("/accounts/" + created.id())).extractingPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    void repeatingACloseWithItsIfMatchSucceedsBecauseTheAccountIsAlreadyClosed() {
        Response created = api.create("Retry Rita", uniqueNumber(), "0");
        String path = "/accounts/" + created.id();

        assertThat(api.delete(path, "If-Match", created.etag()).status()).isEqualTo(204);
        assertThat(api.delete(path, "If-Match", created.etag()).status()).isEqualTo(204);
        json(api.get(path)).extractingPath("$.status").isEqualTo("CLOSED");
    }
}
