package org.bms.account;

import static net.logstash.logback.argument.StructuredArguments.v;

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
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.bms.idempotency.IdempotencyKeys;
import org.bms.idempotency.IdempotentRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money movements: deposits, withdrawals, transfers and reversals, which need an {@code Idempotency-Key}; a
 * movement; an account's statement.
 */
@RestController
@Tag(name = "Movements")
@ApiResponse(
        responseCode = "400",
        description = "Invalid input, or no Idempotency-Key where money moves",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
@ApiResponse(
        responseCode = "404",
        description = "Unknown account or movement",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class MovementController {

    private static final Logger log = LoggerFactory.getLogger(MovementController.class);

    private static final String IDEMPOTENCY_KEY_DESCRIPTION =
            "1–255 visible ASCII characters, new for each movement and the same on each retry of it";

    private final MovementService service;
    private final IdempotencyKeys idempotency;

    MovementController(MovementService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @PostMapping(
            path = "/accounts/{id}/deposits",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Deposit money into an account")
    @ApiResponse(
            responseCode = "201",
            description = "Deposited",
            headers = @Header(name = HttpHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "account-closed, or balance-limit",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> deposit(
            @PathVariable long id,
            @Parameter(required = true, description = IDEMPOTENCY_KEY_DESCRIPTION)
                    @RequestHeader(name = IdempotentRequest.HEADER, required = false)
                    String key,
            @RequestBody CashRequest request) {
        return cash(id, "deposits", key, request, service::deposit);
    }

    @PostMapping(
            path = "/accounts/{id}/withdrawals",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw money from an account")
    @ApiResponse(
            responseCode = "201",
            description = "Withdrawn",
            headers = @Header(name = HttpHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "account-closed, or insufficient-funds",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> withdraw(
            @PathVariable long id,
            @Parameter(required = true, description = IDEMPOTENCY_KEY_DESCRIPTION)
                    @RequestHeader(name = IdempotentRequest.HEADER, required = false)
                    String key,
            @RequestBody CashRequest request) {
        return cash(id, "withdrawals", key, request, service::withdraw);
    }

    @PostMapping(
            path = "/transfers",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Transfer money between two accounts of one currency")
    @ApiResponse(
            responseCode = "201",
            description = "Transferred",
            headers = @Header(name = HttpHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "account-closed, currency-mismatch, insufficient-funds or balance-limit",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> transfer(
            @Parameter(required = true, description = IDEMPOTENCY_KEY_DESCRIPTION)
                    @RequestHeader(name = IdempotentRequest.HEADER, required = false)
                    String key,
            @RequestBody TransferRequest request) {
        var idempotent = IdempotentRequest.required(
                key, "POST", "/transfers", request.from(), request.to(), request.amount(), request.reference());
        return moved(idempotent, () -> service.transfer(request));
    }

    @PostMapping(
            path = "/movements/{id}/reversal",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Reverse a movement: the same amount back, once",
            description = "Any movement but a reversal can be reversed, by an ADMIN. The body is optional.")
    @ApiResponse(
            responseCode = "201",
            description = "The reversing movement",
            headers = @Header(name = HttpHeaders.LOCATION),
            content = @Content(schema = @Schema(implementation = MovementView.class)))
    @ApiResponse(
            responseCode = "409",
            description = "already-reversed, not-reversible, account-closed, insufficient-funds or balance-limit",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> reverse(
            @PathVariable long id,
            @Parameter(required = true, description = IDEMPOTENCY_KEY_DESCRIPTION)
                    @RequestHeader(name = IdempotentRequest.HEADER, required = false)
                    String key,
            @RequestBody(required = false) ReversalRequest request) {
        ReversalRequest reversal = request == null ? ReversalRequest.NONE : request;
        var idempotent =
                IdempotentRequest.required(key, "POST", "/movements/" + id + "/reversal", reversal.reference());
        return moved(idempotent, () -> service.reverse(id, reversal));
    }

    @GetMapping(path = "/movements/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Read a movement")
    @ApiResponse(responseCode = "200", description = "The movement")
    MovementView movement(@PathVariable long id) {
        return service.find(id);
    }

    @GetMapping(path = "/accounts/{id}/movements", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An account's statement, newest first", description = "Closed accounts keep theirs.")
    @ApiResponse(responseCode = "200", description = "One page of statement lines")
    Statement statement(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(AccountSearch.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(AccountSearch.MAX_PAGE_SIZE) int size) {
        return service.statement(id, page, size);
    }

    /** A deposit or withdrawal: POST /accounts/{id}/{kind}. */
    private ResponseEntity<?> cash(
            long id, String kind, String key, CashRequest request, BiFunction<Long, CashRequest, MovementView> move) {
        var idempotent = IdempotentRequest.required(
                key, "POST", "/accounts/" + id + "/" + kind, request.amount(), request.reference());
        return moved(idempotent, () -> move.apply(id, request));
    }

    /**
     * Moves the money once for its key, and logs the movement once it committed, here on the request's thread rather
     * than in the transaction (which on SQLite is the single writer's). A replayed answer moved nothing.
     */
    private ResponseEntity<?> moved(IdempotentRequest idempotent, Supplier<MovementView> move) {
        ResponseEntity<?> response = idempotency.respond(idempotent, () -> {
            MovementView movement = move.get();
            return ResponseEntity.created(URI.create(movement.location())).body(movement);
        });
        if (response.getBody() instanceof MovementView movement) {
            log.info(
                    "Moved {} {} ({}) from {} to {} as movement {}",
                    v("amount", movement.amount()),
                    v("currency", movement.currency()),
                    v("type", movement.type()),
                    v("from", movement.from()),
                    v("to", movement.to()),
                    v("movementId", movement.id()));
        }
        return response;
    }
}
