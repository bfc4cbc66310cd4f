package org.bms.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bms.support.FakeCentralBank;
import org.bms.support.LogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/** The scraper against a local stand-in for the banks' sites: what it serves, and how it fails. */
@ExtendWith(OutputCaptureExtension.class)
class RateScraperTest {

    private CapturedOutput output;

    @BeforeEach
    void captureLog(CapturedOutput output) {
        this.output = output;
    }

    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private final FakeCentralBank bank = new FakeCentralBank();
    private final MutableClock clock = new MutableClock();
    private final RatesProperties properties = new RatesProperties(
            "ecb",
            "BMS-test",
            Duration.ofHours(1),
            Map.of(
                    "ecb", new RatesProperties.Source(bank.url("/ecb"), TIMEOUT, DataSize.ofMegabytes(2)),
                    "fed", new RatesProperties.Source(bank.url("/fed"), TIMEOUT, DataSize.ofMegabytes(2))));
    private final RateScraper scraper = new RateScraper(
            properties, List.of(new EcbRatesParser(), new FedRatesParser()), new PageFetcher(properties), clock);

    @AfterEach
    void stopBank() {
        bank.close();
    }

    @Test
    void theDefaultSourceIsTheEcbAndItsPageIsRead() {
        bank.answer("/ecb", FakeCentralBank.page("ecb.html"));

        Rates rates = scraper.rates(null);

        assertThat(rates.source()).isEqualTo("ecb");
        assertThat(rates.url()).isEqualTo(bank.url("/ecb"));
        assertThat(rates.stale()).isFalse();
        assertThat(rates.fetchedAt()).isEqualTo(clock.instant());
        assertThat(rates.rates())
                .extracting(RateQuote::name)
                .containsExactly("Deposit facility", "Main refinancing operations", "Marginal lending facility");
    }

    @Test
    void theFedSourceIsReadFromItsOwnPage() {
        bank.answer("/fed", FakeCentralBank.page("fed.html"));

        assertThat(scraper.rates("fed").rates())
                .extracting(RateQuote::name)
                .containsExactly(
                        "Federal funds (effective)", "3-month Treasury bill", "10-year Treasury constant maturity");
    }

    @Test
    void anUnknownSourceIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> scraper.rates("boe"))
                .isInstanceOf(UnknownRateSourceException.class)
                .hasMessageContaining("[ecb, fed]");
    }

    @Test
    void aCachedResultIsServedWithoutReadingThePageAgain() {
        bank.answer("/ecb", FakeCentralBank.page("ecb.html"));
        Rates first = scraper.rates("ecb");
        clock.advance(Duration.ofMinutes(59));

        assertThat(scraper.rates("ecb")).isEqualTo(first);
        assertThat(bank.hits("/ecb")).isEqualTo(1);
    }

    @Test
    void afterAFailureTheLastGoodResultIsServedAsStale() {
        bank.answer("/ecb", FakeCentralBank.page("ecb.html"));
        Rates good = scraper.rates("ecb");
        bank.answer("/ecb", FakeCentralBank.status(500, "oops"));
        clock.advance(Duration.ofHours(2));

        Rates stale = scraper.rates("ecb");

        assertThat(stale.stale()).isTrue();
        assertThat(stale.rates()).isEqualTo(good.rates());
        assertThat(stale.fetchedAt()).isEqualTo(good.fetchedAt());
        assertThat(bank.hits("/ecb")).isEqualTo(2);
    }

    @Test
    void anHttpErrorWithNothingCachedMeansUnavailable() {
        bank.answer("/ecb", FakeCentralBank.status(500, "oops"));
        assertUnavailable("HTTP 500");
    }

    @Test
    void aPageWithoutTheTableMeansUnavailable() {
        bank.answer("/ecb", FakeCentralBank.status(200, "<html><body><p>We are moving</p></body></html>"));
        assertUnavailable("no table");
    }

    @Test
    void randomBytesMeanUnavailable() {
        bank.answer("/ecb", FakeCentralBank.bytes(200_000, true));
        assertUnavailable("");
    }

    @Test
    void aFiftyMebibytePageIsRefusedWithoutReadingItAll() {
        long size = 50L * 1024 * 1024;
        var sent = new AtomicLong();
        bank.answer("/ecb", FakeCentralBank.bytes(size, false, sent));

        assertUnavailable("larger than");

        // The connection is dropped at the cap, not drained to the end (as an HTTP client keeping it alive would).
        assertThat(sent.get()).isLessThan(size / 2);
    }

    @Test
    void aPageSlowerThanTheTimeoutFailsWithinTheTimeoutAndASecond() {
        bank.answer("/ecb", bank.hanging());
        long start = System.nanoTime();

        assertUnavailable("");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(1));
    }

    @Test
    void aTableWhoseSpansWouldFillTheHeapIsRefused() {
        String row = "<tr>" + "<td rowspan=\"100000\" colspan=\"1000\">x</td>".repeat(10) + "</tr>";
        bank.answer(
                "/ecb",
                FakeCentralBank.status(200, "<html><body><table>" + row.repeat(300) + "</table></body></html>"));
        assertUnavailable("spans more than");
    }

    @Test
    void aRedirectWithinTheConfiguredHostIsFollowed() {
        bank.answer("/ecb", FakeCentralBank.redirect("/moved/ecb"));
        bank.answer("/moved/ecb", FakeCentralBank.page("ecb.html"));

        assertThat(scraper.rates("ecb").rates()).hasSize(3);
        assertThat(bank.hits("/moved/ecb")).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherHostIsRefused() {
        bank.answer("/ecb", FakeCentralBank.redirect("http://169.254.169.254/latest/meta-data/"));
        assertUnavailable("another host");
    }

    private void assertUnavailable(String reason) {
        assertThatThrownBy(() -> scraper.rates("ecb"))
                .isInstanceOf(RatesUnavailableException.class)
                .satisfies(e ->
                        assertThat(((RatesUnavailableException) e).retryAfter()).isPositive());
        LogLines.awaitLine(output, "Could not read ecb rates: ", reason);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-24T15:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
