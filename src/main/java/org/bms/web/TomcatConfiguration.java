package org.bms.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What only Tomcat can do: {@link ProblemErrorReportValve} so even its own refusals are RFC 9457 problems,
 * {@link SafeHeadersValve} on every answer, and {@link ConnectionClosingValve} for the connections not worth
 * keeping.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> closingConnections() {
        return factory -> factory.addEngineValves(new SafeHeadersValve(), new ConnectionClosingValve());
    }

    /**
     * Tomcat answers TRACE itself, with an {@code Allow} header listing every method of the servlet API; let
     * it through to Spring, which refuses it with the methods the path really has (see
     * {@link TraceRefusingConfiguration}).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceAnsweredBySpring() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }
}
