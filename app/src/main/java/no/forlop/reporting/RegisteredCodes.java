package no.forlop.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registered codes of the read model, for the modules that report them onwards (the NPR
 * delivery): which codes of an organisation are dated in a period, and how many of them have no
 * official code to report. Reads only; the read model stays this module's own.
 */
@Component
public class RegisteredCodes {

  /**
   * One registered code of a pathway instance.
   *
   * @param code the official code (e.g. {@code A12CK}); {@code null} where the catalogue does not
   *     know it (withheld from a report)
   */
  public record Code(
      UUID pathwayId,
      String patient,
      String pathway,
      @Nullable String codePrefix,
      UUID registrationId,
      @Nullable String code,
      LocalDate date,
      String origin) {}

  private final JdbcClient jdbc;

  RegisteredCodes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the read model has any pathway at the organisation. */
  public boolean hasPathways(String organisation) {
    return jdbc.sql("select exists (select 1 from report_pathway where organisation = :org)")
        .param("org", organisation)
        .query(Boolean.class)
        .single();
  }

  /** The registered codes with an official code, dated from {@code from} to {@code to}. */
  public List<Code> withOfficialCode(String organisation, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select c.pathway_id, p.patient, p.pathway, p.code_prefix, c.registration_id, c.code,
                   c.code_date, c.origin
            from report_code c join report_pathway p on p.pathway_id = c.pathway_id
            where p.organisation = :org and c.state = 'REGISTERED' and c.code is not null
              and c.code_date between :from and :to
            order by c.code_date, c.pathway_id, c.registration_id
            """)
        .param("org", organisation)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Code(
                    rs.getObject("pathway_id", UUID.class),
                    rs.getString("patient"),
                    rs.getString("pathway"),
                    rs.getString("code_prefix"),
                    rs.getObject("registration_id", UUID.class),
                    rs.getString("code"),
                    rs.getObject("code_date", LocalDate.class),
                    rs.getString("origin")))
        .list();
  }

  /**
   * A registered code without an official code: its pathway's prefix or its own suffix is not in
   * the catalogue.
   *
   * @param codeKey the code's key in its scheme (the suffix, e.g. {@code A}, or the milestone)
   */
  public record Incomplete(
      UUID pathwayId,
      String pathway,
      @Nullable String codePrefix,
      UUID registrationId,
      String codeKey,
      LocalDate date) {}

  /** The registered codes in the period that have no official code (and cannot be reported). */
  public List<Incomplete> withoutOfficialCode(String organisation, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            select c.pathway_id, p.pathway, p.code_prefix, c.registration_id, c.code_key,
                   c.code_date
            from report_code c join report_pathway p on p.pathway_id = c.pathway_id
            where p.organisation = :org and c.state = 'REGISTERED' and c.code is null
              and c.code_date between :from and :to
            order by c.code_date, c.pathway_id, c.registration_id
            """)
        .param("org", organisation)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Incomplete(
                    rs.getObject("pathway_id", UUID.class),
                    rs.getString("pathway"),
                    rs.getString("code_prefix"),
                    rs.getObject("registration_id", UUID.class),
                    rs.getString("code_key"),
                    rs.getObject("code_date", LocalDate.class)))
        .list();
  }
}
