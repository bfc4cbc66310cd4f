package org.bms.rates;

import java.io.IOException;
import java.net.URI;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.springframework.stereotype.Component;

/**
 * Reads a configured page with jsoup within the source's limits: one deadline for connecting and reading the
 * whole page, and a size cap enforced while the body arrives. Redirects are followed only within the configured
 * host, so the scraper never reads anything but the pages it is set up to read.
 */
@Component
class PageFetcher {

    static {
        // jsoup's HttpClient transport (its default) times out the wait for the headers only, so a page that stalls
        // mid-body would hold the read past its deadline; its HttpURLConnection transport also times out a silent
        // socket (after half the timeout), which bounds every read. jsoup offers no per-request switch.
        System.setProperty("jsoup.useHttpClient", "false");
    }

    private static final int MAX_REDIRECTS = 5;

    private final Connection session;

    PageFetcher(RatesProperties properties) {
        this.session = Jsoup.newSession()
                .userAgent(properties.userAgent())
                .header("Accept", "text/html,application/xhtml+xml")
                .parser(Parser.htmlParser())
                .followRedirects(false)
                .ignoreHttpErrors(true);
    }

    Document fetch(RatesProperties.Source source) throws IOException {
        URI url = source.url();
        long deadline = System.nanoTime() + source.timeout().toNanos();
        int limit = (int) Math.min(source.maxBody().toBytes(), Integer.MAX_VALUE);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000;
            if (remaining <= 0) { // jsoup reads 0 as no timeout at all
                throw new IOException("timed out after " + source.timeout().toMillis() + " ms");
            }
            Connection.Response response = session.newRequest(url.toString())
                    .timeout((int) remaining)
                    .maxBodySize(limit)
                    .execute()
                    .readFully();
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.hasHeader("Location")) {
                url = sameHost(url, url.resolve(response.header("Location")), source);
            } else if (status != 200) {
                throw new IOException("the page answered HTTP " + status);
            } else if (response.isTruncated()) { // jsoup cuts an oversized body short; a cut page is refused
                throw new IOException("the page is larger than " + source.maxBody());
            } else {
                return response.parse();
            }
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects");
    }

    private static URI sameHost(URI from, URI to, RatesProperties.Source source) throws IOException {
        URI configured = source.url();
        if (!configured.getHost().equalsIgnoreCase(String.valueOf(to.getHost()))
                || !configured.getScheme().equalsIgnoreCase(String.valueOf(to.getScheme()))
                || configured.getPort() != to.getPort()) {
            throw new IOException("refused a redirect from " + from.getHost() + " to another host");
        }
        return to;
    }
}
