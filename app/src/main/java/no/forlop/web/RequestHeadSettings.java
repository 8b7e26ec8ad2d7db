package no.forlop.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The size of a request's head that Forløp answers (ADR 0047).
 *
 * @param maxRequestHeadSize the request line (method, address with its query, protocol) and the
 *     headers together, as sent (default 8 KB, Tomcat's own default): a larger head is refused with
 *     414 (the address is the larger part) or 431 (the headers are), in the shape of the part of
 *     Forløp it was sent to. Tomcat itself takes up to {@code server.max-http-request-header-size}
 *     (64 KB), so that such a request reaches Forløp to be answered; beyond that Tomcat refuses it
 *     and {@link ContainerErrorReport} answers.
 */
@ConfigurationProperties("forlop.http")
record RequestHeadSettings(DataSize maxRequestHeadSize) {

  RequestHeadSettings {
    if (maxRequestHeadSize == null) {
      maxRequestHeadSize = DataSize.ofKilobytes(8);
    }
    if (maxRequestHeadSize.toBytes() < 1024) {
      throw new IllegalArgumentException(
          "forlop.http.max-request-head-size must be at least 1KB, not " + maxRequestHeadSize);
    }
  }
}
