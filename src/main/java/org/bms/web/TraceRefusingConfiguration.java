package org.bms.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * No endpoint answers TRACE, and its {@code 405} should say which methods do. Tomcat's own refusal lists every
 * method of the servlet API, and the servlet API's {@code doTrace} echoes the request's headers back (cookies,
 * tokens) after Spring's refusal. This dispatcher hands TRACE to the handler mappings like any other method.
 */
@Configuration(proxyBeanMethods = false)
class TraceRefusingConfiguration {

    @Bean(DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
    DispatcherServlet dispatcherServlet() {
        return new DispatcherServlet() {
            @Override
            protected void doTrace(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                processRequest(request, response);
            }
        };
    }
}
