package org.bms.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Predicate;
import org.bms.database.DatabaseFile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may do what (the contract's table): every endpoint needs a bearer token except the documentation, health
 * and info; reading takes any of the three roles, changing accounts a teller or an admin. Rules that depend on
 * the data as well (only an admin changes a balance) are the services' own, through {@link Caller}.
 *
 * <p>Stateless: no session, no cookie, no CSRF token (nothing authenticates by cookie), no login form, no Basic.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] EVERY_ROLE = {"TELLER", "AUDITOR", "ADMIN"};
    private static final String[] CHANGES_ACCOUNTS = {"TELLER", "ADMIN"};

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, ObjectProvider<DatabaseFile> database) {
        return TokenKeys.decoder(properties, () -> defaultSecretFile(database));
    }

    /**
     * Checks bearer tokens with the decoder and the claims' rules, remembering the ones that passed for a while;
     * not a {@code ProviderManager}, as nothing here listens to authentication events.
     */
    private static AuthenticationManager bearerTokens(JwtDecoder decoder, JwtProperties properties, Clock clock) {
        var checks = new JwtAuthenticationProvider(decoder);
        checks.setJwtAuthenticationConverter(new TokenClaims());
        return new RecentTokens(checks, properties.clockSkew(), clock);
    }

    /** The token of the Authorization header; no details (the caller's address and session), which nothing reads. */
    private static AuthenticationConverter bearerHeader() {
        var converter = new BearerTokenAuthenticationConverter();
        converter.setBearerTokenResolver(new BearerHeader());
        converter.setAuthenticationDetailsSource(request -> null);
        return converter;
    }

    /** Beside the SQLite file, else (a database server) in the working directory. */
    private static Path defaultSecretFile(ObjectProvider<DatabaseFile> database) {
        DatabaseFile file = database.getIfAvailable();
        Path directory = file == null ? null : file.path().toAbsolutePath().getParent();
        return directory == null
                ? Path.of(JwtProperties.SECRET_FILE_NAME)
                : directory.resolve(JwtProperties.SECRET_FILE_NAME);
    }

    /**
     * Spring Security's firewall, but letting every method through: one no endpoint has (TRACE, say) is answered
     * by Spring MVC with 405 and an Allow header that lists the methods that work, not with a bare 400.
     */
    @Bean
    HttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setUnsafeAllowAnyHttpMethod(true);
        firewall.setAllowedHeaderNames(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_NAMES, false));
        firewall.setAllowedHeaderValues(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES, true));
        return firewall;
    }

    /**
     * The firewall's own header rule (assigned characters, no controls) with the answer for printable ASCII, what
     * nearly every header is, found without its regular expression: the firewall checks each header every time it
     * is read, and a bearer token's is read several times a request.
     */
    private static Predicate<String> printableAsciiOr(Predicate<String> rule, boolean tabAllowed) {
        return text -> {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < ' ' && !(tabAllowed && c == '\t')) || c > '~') {
                    return rule.test(text);
                }
            }
            return true;
        };
    }

    /**
     * No observation per security filter, authentication and authorization decision: wrapping each of the
     * chain's filters cost more CPU than checking the token itself, and the request's own observation
     * ({@code http.server.requests}) already times every request, refusals included.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http, JwtDecoder decoder, JwtProperties properties, Clock clock, SecurityProblems problems)
            throws Exception {
        // No filter wraps the response, and no session exists: the authentication lives in the request alone.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // The servlet API's view of the caller stays: the health endpoint asks it for the token's roles.
                // A request without a token has no authentication at all: the open endpoints need none, and
                // every other one answers it with the entry point's 401.
                .anonymous(AbstractHttpConfigurer::disable)
                // The engine's SafeHeadersValve sets them on every answer, errors and documentation included.
                .headers(AbstractHttpConfigurer::disable)
                // The paths of the rules do not overlap, so they come in the order requests arrive most: a read of
                // the API matches at once instead of being compared with every open path first.
                .authorizeHttpRequests(requests -> requests
                        // Error pages answer for a request that was already let through, or refused.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(GET, "/accounts", "/accounts/**", "/movements/**", "/batch/**", "/scraper/**")
                        .hasAnyRole(EVERY_ROLE)
                        .requestMatchers(
                                POST, "/accounts", "/accounts/*/deposits", "/accounts/*/withdrawals", "/transfers")
                        .hasAnyRole(CHANGES_ACCOUNTS)
                        .requestMatchers(POST, "/movements/*/reversal")
                        .hasRole("ADMIN")
                        .requestMatchers(PUT, "/accounts/*")
                        .hasAnyRole(CHANGES_ACCOUNTS)
                        .requestMatchers(DELETE, "/accounts/*")
                        .hasAnyRole(CHANGES_ACCOUNTS)
                        .requestMatchers(GET, "/actuator/prometheus")
                        .hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers(
                                "/",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/error")
                        .permitAll()
                        // Anything else (an unknown path, a method no endpoint has) is answered to any role: 404, 405.
                        .anyRequest()
                        .hasAnyRole(EVERY_ROLE))
                .oauth2ResourceServer(server -> server.authenticationConverter(bearerHeader())
                        .jwt(jwt -> jwt.authenticationManager(bearerTokens(decoder, properties, clock)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // Also for a token that cannot be checked now: a 503 problem, not a thrown 500.
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BearerOnly(problems), AbstractPreAuthenticatedProcessingFilter.class)
                .addFilterAfter(new PrincipalLogging(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }
}
