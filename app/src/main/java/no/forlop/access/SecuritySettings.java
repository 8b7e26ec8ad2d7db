package no.forlop.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code forlop.security.*}. {@code tls}: true when browsers reach Forløp over HTTPS (directly or
 * through a proxy that ends TLS); it turns on HSTS ({@link SecurityHeaders}) and the session
 * cookie's {@code Secure} flag ({@code server.servlet.session.cookie.secure} in application.yml
 * follows it). Off by default so the README's {@code http://localhost:8080} works.
 */
@ConfigurationProperties("forlop.security")
record SecuritySettings(boolean tls) {}
