package org.bms.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connections the service will not go on talking over, which only Tomcat itself can do:
 * <ul>
 *   <li>an HTTP/0.9 request, whose answer could have no status line or headers, is dropped unanswered;
 *   <li>after a body {@link RequestBodyLimits} refused, Tomcat would otherwise keep reading the rest of it, as
 *       slowly as the client sends it, before serving the connection's next request.
 * </ul>
 */
class ConnectionClosingValve extends ValveBase {

    /** Set by whoever refused a request body that is still arriving. */
    static final String BODY_REFUSED = ConnectionClosingValve.class.getName() + ".bodyRefused";

    ConnectionClosingValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getProtocol().isEmpty()) {
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            return;
        }
        getNext().invoke(request, response);
        if (request.getAttribute(BODY_REFUSED) != null) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
