package no.forlop.database;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the user has not pointed Forløp at a PostgreSQL server of their own. */
class NoDatasourceUrlConfigured extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    var url = context.getEnvironment().getProperty("spring.datasource.url");
    return url == null || url.isBlank()
        ? ConditionOutcome.match("no spring.datasource.url: using the embedded PostgreSQL")
        : ConditionOutcome.noMatch("spring.datasource.url is set");
  }
}
