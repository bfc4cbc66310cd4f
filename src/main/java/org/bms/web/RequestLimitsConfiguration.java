package org.bms.web;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Bounds what a request body may cost the service: its size, how long it may take, how many at once. */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    /** Right after {@link RequestIdFilter}, so even a refused body is logged with its request's id. */
    @Bean
    FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(
            RequestProperties limits, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimits(limits, resolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Tomcat waits for the next byte of a body as long as for a new request's headers (a minute) unless told
     * otherwise; a client that falls silent mid-body is given the body timeout instead.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> bodyReadTimeout(RequestProperties limits) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(
                        Math.toIntExact(limits.bodyTimeout().toMillis()));
            }
        });
    }
}
