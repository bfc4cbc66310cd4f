package org.bms.batch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /batch/total}, the balances of all active accounts per currency, and {@code /batch/reconciliation}. */
@RestController
@RequestMapping(path = "/batch", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Batch")
class BatchController {

    private final BatchTotalService service;
    private final ReconciliationService reconciliation;

    BatchController(BatchTotalService service, ReconciliationService reconciliation) {
        this.service = service;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/total")
    @Operation(
            summary = "Total the balances of all active accounts, per currency",
            description = "Exact, from one consistent snapshot. Cached until an account changes;"
                    + " send Cache-Control: no-cache to recompute.")
    BatchTotal total(
            @Parameter(description = "no-cache recomputes instead of serving the cached total")
                    @RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false)
                    String cacheControl) {
        boolean fresh = cacheControl != null
                && Arrays.stream(cacheControl.split(","))
                        .map(String::strip)
                        .anyMatch(directive -> directive.equalsIgnoreCase("no-cache"));
        return service.total(fresh);
    }

    @GetMapping("/reconciliation")
    @Operation(
            summary = "Check every account against its postings, per currency with the outside world",
            description = "Active and closed accounts, from one consistent snapshot, computed afresh each time."
                    + " mismatches is empty unless the database was changed behind the service's back.")
    ReconciliationView reconciliation() {
        return reconciliation.reconcile();
    }
}
