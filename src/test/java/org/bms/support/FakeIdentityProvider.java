package org.bms.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

/**
 * An OpenID Connect issuer on a local port, as Keycloak or any identity provider serves one: its discovery
 * document and the JWKS with one RSA key. Tokens it "issues" are {@link Tokens#rs256} with its {@link #issuer}.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    private final HttpServer server;
    private final KeyPair keys = Tokens.rsaKeyPair();

    public FakeIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                        .keyID("test-key")
                        .build())
                .toString();
        server.createContext(
                "/realms/bms/.well-known/openid-configuration",
                exchange -> json(
                        exchange,
                        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/certs\","
                                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/realms/bms/certs", exchange -> json(exchange, jwks));
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/bms";
    }

    public KeyPair keys() {
        return keys;
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
