package org.bms.rates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /scraper/rates}: central-bank interest rates read from the banks' own pages. */
@RestController
@RequestMapping(path = "/scraper", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rates")
class RateController {

    private final RateScraper scraper;

    RateController(RateScraper scraper) {
        this.scraper = scraper;
    }

    @GetMapping("/rates")
    @Operation(
            summary = "Key interest rates of a central bank",
            description = "stale is true when the page could not be read and the last good result is served.")
    @ApiResponse(responseCode = "200", description = "The rates")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown source; the problem lists the valid ones",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(
            responseCode = "503",
            description = "The source failed and nothing is cached; see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    Rates rates(
            @Parameter(description = "ecb or fed; defaults to bms.scraper.default-source")
                    @RequestParam(required = false)
                    String source) {
        return scraper.rates(source);
    }
}
