package no.forlop.web;

import org.springframework.context.annotation.Import;

/**
 * For a test slice that renders pages: the application's one message source, with every module's
 * bundle (a slice would otherwise get Spring Boot's default, {@code messages.properties} only).
 * Imported, never scanned.
 */
@Import(MessagesConfiguration.class)
public final class AllMessages {

  private AllMessages() {}
}
