package org.bms.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.bms.support.ApiClient.Response;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.http.HttpMessageContentConverter;
import org.springframework.test.json.JsonContent;
import org.springframework.test.json.JsonContentAssert;

/**
 * A response body as JSON for AssertJ, through Spring's {@link JsonContent}: {@code
 * json(response).extractingPath("$.name").isEqualTo("John Doe")}. A value read by path keeps its JSON type (a small
 * number is an {@code Integer}), so an id compared with a {@code long} goes through {@code
 * .convertTo(InstanceOfAssertFactories.LONG)}, which Jackson does. Amounts are compared on their exact text or as
 * {@link java.math.BigDecimal} ({@link Response#decimal}), never through the double a path read gives.
 */
public final class JsonAssertions {

    private static final HttpMessageContentConverter JACKSON =
            HttpMessageContentConverter.of(new JacksonJsonHttpMessageConverter());

    private JsonAssertions() {}

    public static JsonContentAssert json(Response response) {
        return assertThat(new JsonContent(response.body(), JACKSON));
    }
}
