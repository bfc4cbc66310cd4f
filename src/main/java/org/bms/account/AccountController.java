package org.bms.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.bms.idempotency.IdempotencyKeys;
import org.bms.idempotency.IdempotentRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /accounts} resource: open, list, read, revise and close accounts. */
@RestController
@RequestMapping(path = "/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
@ApiResponse(
        responseCode = "400",
        description = "Invalid input",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class AccountController {

    private final AccountService service;
    private final IdempotencyKeys idempotency;

    AccountController(AccountService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open an account", description = "Sends the creation e-mail after the account is committed.")
    @ApiResponse(
            responseCode = "201",
            description = "Opened",
            headers = {@Header(name = HttpHeaders.LOCATION), @Header(name = HttpHeaders.ETAG)},
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Number already in use",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> open(
            @Parameter(description = "Optional; when sent, a retry with the same key is answered, not repeated")
                    @RequestHeader(name = IdempotentRequest.HEADER, required = false)
                    String key,
            @RequestBody CreateAccountRequest request) {
        var idempotent = IdempotentRequest.optional(
                key, "POST", "/accounts", request.name(), request.number(), request.balance(), request.currency());
        return idempotency.respond(idempotent, () -> {
            AccountView account = service.open(request);
            return ResponseEntity.created(URI.create("/accounts/" + account.id()))
                    .eTag(account.etag())
                    .body(account);
        });
    }

    @GetMapping
    @Operation(
            summary = "List accounts a page at a time, filtered by name, number and status",
            description = "Sort by id (the default), name, number, balance, createdAt or updatedAt.")
    @ApiResponse(responseCode = "200", description = "One page of accounts")
    AccountPage list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(AccountSearch.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(AccountSearch.MAX_PAGE_SIZE) int size,
            @ParameterObject @SortDefault("id") Sort sort,
            @Parameter(description = "Part of the holder name, any case") @RequestParam(required = false) String name,
            @Parameter(description = "The account number, exactly") @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "ACTIVE") AccountStatus status) {
        return service.search(new AccountSearch(name, number, status, page, size, sort));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an account, closed ones included")
    @ApiResponse(responseCode = "200", description = "The account", headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown account",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<AccountView> get(@PathVariable long id) {
        AccountView account = service.find(id);
        return ResponseEntity.ok().eTag(account.etag()).body(account);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revise holder name, number and balance")
    @ApiResponse(responseCode = "200", description = "Revised", headers = @Header(name = HttpHeaders.ETAG))
    @ApiResponse(
            responseCode = "404",
            description = "Unknown account",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "409",
            description = "Number already in use, or the account is closed",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "412",
            description = "If-Match names a stale version, or If-None-Match the current one",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<AccountView> revise(
            @PathVariable long id,
            @Parameter(description = "The ETag last read, e.g. \"3\"")
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @Parameter(description = "Versions the write must not apply to; * refuses every write")
                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch,
            @RequestBody UpdateAccountRequest request) {
        AccountView account = service.revise(id, request, Preconditions.of(ifMatch, ifNoneMatch));
        return ResponseEntity.ok().eTag(account.etag()).body(account);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Close an account",
            description = "The record is kept with status CLOSED. Repeating is harmless.")
    @ApiResponse(responseCode = "204", description = "Closed")
    @ApiResponse(
            responseCode = "404",
            description = "Unknown account",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "409",
            description = "The balance is not zero",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "412",
            description = "If-Match names a stale version, or If-None-Match the current one",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<Void> close(
            @PathVariable long id,
            @Parameter(description = "The ETag last read, e.g. \"3\"")
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @Parameter(description = "Versions the close must not apply to; * refuses it")
                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch) {
        service.close(id, Preconditions.of(ifMatch, ifNoneMatch));
        return ResponseEntity.noContent().build();
    }
}
