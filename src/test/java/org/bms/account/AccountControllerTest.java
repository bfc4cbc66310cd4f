package org.bms.account;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Supplier;
import org.bms.idempotency.IdempotencyKeys;
import org.bms.web.StrictJsonConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.cache.test.autoconfigure.AutoConfigureCache;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP mapping of accounts, with the service mocked: status codes, headers and problem bodies. */
@AutoConfigureCache
@WebMvcTest(AccountController.class)
// The mapping of requests and answers alone; who may send them is security/AccessRulesTest's, end to end.
@AutoConfigureMockMvc(addFilters = false)
@Import({StrictJsonConfiguration.class, SimpleMeterRegistry.class})
class AccountControllerTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AccountService service;

    @MockitoBean
    private IdempotencyKeys idempotency;

    /** Without a key the work just runs; keys themselves are tested over HTTP, with the database. */
    @BeforeEach
    void runTheWork() {
        given(idempotency.respond(any(), any()))
                .willAnswer(
                        call -> call.<Supplier<ResponseEntity<?>>>getArgument(1).get());
    }

    @Test
    void openingAnswers201WithLocationAndETag() throws Exception {
        given(service.open(any())).willReturn(view(42, 0, "1000.00"));

        mvc.perform(post("/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"John Doe\",\"number\":\"123456789\",\"balance\":1000}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/accounts/42"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(content().string(containsString("\"balance\":1000.00")));
    }

    @Test
    void aTakenNumberIsAConflictProblem() throws Exception {
        given(service.open(any())).willThrow(new AccountNumberTakenException(AccountNumber.parse("123456789")));

        mvc.perform(post("/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"John Doe\",\"number\":\"123456789\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://bms.example/problems/duplicate-account-number"))
                .andExpect(jsonPath("$.title").value("Account number already in use"))
                .andExpect(jsonPath("$.detail").value("Account number *****6789 is already in use"))
                .andExpect(jsonPath("$.instance").value("/accounts"));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() throws Exception {
        given(service.revise(eq(7L), any(), any())).willThrow(new StaleVersionException(7, 3));

        mvc.perform(put("/accounts/7")
                        .header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"A\",\"number\":\"123456789\",\"balance\":1}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("https://bms.example/problems/stale-version"));
    }

    @Test
    void closingAnAccountWithMoneyIsRefused() throws Exception {
        willThrow(new AccountNotEmptyException(7L, new Money(100, Currency.getInstance("USD"))))
                .given(service)
                .close(eq(7L), any());

        mvc.perform(delete("/accounts/7"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://bms.example/problems/account-not-empty"))
                .andExpect(jsonPath("$.detail").value(containsString("1.00 USD")));
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        given(service.find(9)).willThrow(new AccountNotFoundException(9));

        mvc.perform(get("/accounts/9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://bms.example/problems/account-not-found"));
    }

    @Test
    void aPageLargerThanAHundredIsRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/accounts").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() throws Exception {
        mvc.perform(post("/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"A\",\"number\":\"123456789\",\"colour\":\"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Unknown field 'colour'"))
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
    }

    private static AccountView view(long id, long version, String balance) {
        Instant at = Instant.parse("2026-11-24T15:00:00Z");
        return new AccountView(
                id, "John Doe", "123456789", new BigDecimal(balance), "USD", AccountStatus.ACTIVE, at, at, version);
    }
}
