package org.bms.web;

import java.io.IOException;

/** Every slot for receiving a request body is taken: the client should send it again in a moment. */
public class ServerBusyException extends IOException {

    public ServerBusyException() {
        super("Too many requests are sending their bodies at once; send it again in a moment.");
    }
}
