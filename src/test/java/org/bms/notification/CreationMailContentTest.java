package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.Properties;
import org.bms.account.AccountCreated;
import org.bms.account.Money;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMailMessage;

class CreationMailContentTest {

    @Test
    void aNameCarryingLineBreaksCannotAddHeaders() throws Exception {
        var event = new AccountCreated(
                7,
                "Eve\r\nBcc: x@evil.test",
                "*****6789",
                Money.of(new BigDecimal("5"), Currency.getInstance("JPY")),
                Instant.parse("2026-11-24T15:00:00Z"));

        String raw = rendered(event);

        assertThat(raw).doesNotContainIgnoringCase("\nBcc:").contains("Holder:          Eve  Bcc: x@evil.test");
        assertThat(raw.lines()).contains("Opening balance: 5", "Currency:        JPY");
    }

    private static String rendered(AccountCreated event) throws Exception {
        var mime = new MimeMessage(Session.getInstance(new Properties()));
        CreationMail.content(event, "bms@bms.test", "owner@bms.test").copyTo(new MimeMailMessage(mime));
        mime.saveChanges();
        var out = new ByteArrayOutputStream();
        mime.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
