package no.forlop.catalog.codelist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import no.forlop.access.Actor;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueDocument;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CatalogueVersionInfo;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.Sourced;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an official code list (kodeverk 8480 or 9321) into a new catalogue version: the catalogue
 * in force with every code prefix the list fills, each sourced to the file (its name or URL, the
 * CodeSystem's version, the import date and who imported it). The new version is loaded like any
 * other ({@link CatalogueService#load}): validated, stored beside the earlier ones, put in force.
 *
 * <p>A filled prefix is {@code verified: true} only when the administrator declares the file the
 * directorate's own publication and names where it was published ({@code official}, with a {@code
 * source}); the import is an explicit administrative act (administrators only; the version records
 * who loaded it), so the declaration is theirs and is recorded with the value. Otherwise the prefix
 * is loaded unverified: it is shown and used, but marked so.
 */
@Service
public class CodeListImports {

  private static final Logger log = LoggerFactory.getLogger(CodeListImports.class);

  /**
   * Writes the new version as the parser reads it: record components only (an {@code isKnown()} is
   * no field of the document).
   */
  static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultVisibility(
              v ->
                  v.withIsGetterVisibility(
                      com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE))
          .build();

  private final CatalogueService catalogues;
  private final Clock clock;

  CodeListImports(CatalogueService catalogues, Clock clock) {
    this.catalogues = catalogues;
    this.clock = clock;
  }

  /**
   * What the administrator says about the file.
   *
   * @param name the file's name
   * @param source where the file was published (a URL), or {@code null}
   * @param version the label of the new catalogue version
   * @param official the administrator declares the file the directorate's official code list
   */
  public record Request(String name, @Nullable String source, String version, boolean official) {}

  /** The new catalogue version and what the import did and did not do. */
  public record Result(
      CatalogueVersionInfo catalogue,
      String basedOn,
      String file,
      CodeList.Format format,
      @Nullable String system,
      @Nullable String systemVersion,
      boolean verified,
      List<CodeListMatch.Filled> filled,
      List<CodeListMatch.Confirmed> confirmed,
      List<CodeListMatch.Finding> findings) {}

  /** The file fills no prefix: nothing to load. */
  public static class FillsNothingException extends RuntimeException {
    private final List<CodeListMatch.Finding> findings;

    FillsNothingException(List<CodeListMatch.Finding> findings) {
      super("The code list fills no code prefix of the catalogue");
      this.findings = List.copyOf(findings);
    }

    public List<CodeListMatch.Finding> findings() {
      return findings;
    }
  }

  /**
   * @throws InvalidCodeListException if the file cannot be read
   * @throws FillsNothingException if it fills no prefix
   * @throws no.forlop.catalog.InvalidCatalogueException if the new version does not validate
   * @throws no.forlop.catalog.CatalogueVersionConflictException if the version label is taken
   */
  public Result importList(byte[] content, Request request, Actor actor) {
    var list = CodeListReader.read(content, request.name());
    var base = catalogues.current();
    var match = CodeListMatch.of(list, base.document());
    if (match.filled().isEmpty()) {
      throw new FillsNothingException(match.findings());
    }
    var verified = request.official() && request.source() != null && !request.source().isBlank();
    var filled =
        match.filled().stream().collect(Collectors.toMap(CodeListMatch.Filled::pathway, f -> f));
    var pathways = new ArrayList<PathwayDefinition>();
    for (var pathway : base.document().pathways()) {
      var f = filled.get(pathway.id());
      pathways.add(f == null ? pathway : withPrefix(pathway, prefix(f, list, request, actor)));
    }
    var document = document(base.document(), request, list, match, pathways);
    var info = catalogues.load(JSON.writeValueAsBytes(document), actor);
    log.info(
        "Code list {} imported by {}: {} prefixes filled, catalogue version {}",
        request.name(),
        actor.id(),
        match.filled().size(),
        info.version());
    return new Result(
        info,
        base.version(),
        request.name(),
        list.format(),
        list.system(),
        list.version(),
        verified,
        match.filled(),
        match.confirmed(),
        match.findings());
  }

  private Sourced<String> prefix(
      CodeListMatch.Filled filled, CodeList list, Request request, Actor actor) {
    var verified = request.official() && request.source() != null && !request.source().isBlank();
    var source =
        request.source() != null && !request.source().isBlank()
            ? request.source()
            : "file:" + request.name();
    var note =
        "From the code list "
            + describe(list, request)
            + ", imported "
            + OsloTime.today(clock)
            + " by "
            + actor.id()
            + (verified
                ? " and declared the directorate's official list"
                : "; not declared the official list, so unverified")
            + ". Matched by the text '"
            + filled.text()
            + "' ("
            + String.join(", ", filled.codes())
            + ").";
    return new Sourced<>(filled.prefix(), verified, source, note);
  }

  private static String describe(CodeList list, Request request) {
    var parts = new ArrayList<String>();
    parts.add("'" + request.name() + "'");
    if (list.system() != null) {
      parts.add(list.system());
    }
    if (list.title() != null) {
      parts.add("'" + list.title() + "'");
    }
    if (list.version() != null) {
      parts.add("version " + list.version());
    }
    return String.join(", ", parts);
  }

  private CatalogueDocument document(
      CatalogueDocument base,
      Request request,
      CodeList list,
      CodeListMatch match,
      List<PathwayDefinition> pathways) {
    var description =
        "Catalogue "
            + base.version()
            + " with the code prefixes of the code list "
            + describe(list, request)
            + " ("
            + match.filled().stream()
                .map(f -> f.pathway() + " " + f.prefix())
                .collect(Collectors.joining(", "))
            + "), imported "
            + OsloTime.today(clock)
            + ".";
    return new CatalogueDocument(
        request.version(),
        OsloTime.today(clock),
        description,
        base.treatmentTypes(),
        base.normVariants(),
        base.indicators(),
        base.schemes(),
        pathways);
  }

  static PathwayDefinition withPrefix(PathwayDefinition p, Sourced<String> prefix) {
    return new PathwayDefinition(
        p.id(),
        prefix,
        p.names(),
        p.formerNames(),
        p.kind(),
        p.scheme(),
        p.validFrom(),
        p.validTo(),
        p.codeChanges(),
        p.icd10(),
        p.leadTimes(),
        p.remarks());
  }
}
