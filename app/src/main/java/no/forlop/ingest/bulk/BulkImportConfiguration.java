package no.forlop.ingest.bulk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Provides the executor that works through bulk imports: one thread, so jobs run one after the
 * other and a backfill never takes more than one database connection from the EHR's live traffic.
 * It is not a default candidate, so Spring Boot's own {@code applicationTaskExecutor} stays as it
 * is.
 */
@Configuration(proxyBeanMethods = false)
class BulkImportConfiguration {

  static final String EXECUTOR = "bulkImportExecutor";

  @Bean(name = EXECUTOR, defaultCandidate = false)
  ThreadPoolTaskExecutor bulkImportExecutor() {
    var executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setThreadNamePrefix("bulk-import-");
    // a job cut short by shutdown is still RUNNING in its table and is taken up at the next start
    executor.setWaitForTasksToCompleteOnShutdown(false);
    return executor;
  }
}
