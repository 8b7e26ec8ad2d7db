package no.forlop.pathway;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.pathway.domain.PatientLeadTimes;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.TransferLink;

/**
 * Understands how a patient's instances linked by transfers look as one whole pathway ({@link
 * WholePathway}): finds each instance's chain and has {@link PatientLeadTimes} measure it.
 */
final class WholePathways {

  private WholePathways() {}

  /**
   * The whole pathway an instance belongs to.
   *
   * @param ofPatient the patient's pathways (every instance of the chain is among them)
   * @param visible whether the user may open the page of a pathway at an organisation
   */
  static WholePathway of(
      UUID id,
      List<PatientPathway> ofPatient,
      List<TransferLink> links,
      Catalogue catalogue,
      CatalogueService catalogues,
      LocalDate asOf,
      Predicate<String> visible) {
    var byId = new LinkedHashMap<UUID, PatientPathway>();
    ofPatient.forEach(p -> byId.put(p.header().id(), p));
    var known = links.stream().filter(l -> byId.containsKey(l.from()) && byId.containsKey(l.to()));
    var chain = PatientLeadTimes.chainOf(id, known.toList());
    var members = new ArrayList<PatientLeadTimes.Member>();
    var instances = new ArrayList<WholePathway.Instance>();
    no.forlop.pathway.domain.CodingRules rules = null;
    for (var member : chain) {
      var pathway = byId.get(member);
      rules = PathwayWork.rules(catalogue, catalogues, pathway);
      var walk = rules.walk(pathway.registrations(), pathway.decidedElsewhere());
      var transferredOn =
          links.stream()
              .filter(l -> l.to().equals(member))
              .map(TransferLink::transferredOn)
              .findFirst()
              .orElse(null);
      var header = pathway.header();
      members.add(
          new PatientLeadTimes.Member(
              member,
              header.organisation(),
              walk.inClinicalOrder(),
              walk.state(),
              header.variant(),
              member.equals(chain.get(0)) ? null : transferredOn));
      instances.add(
          new WholePathway.Instance(
              new PathwayId(member),
              OrganisationNumber.of(header.organisation()),
              walk.state(),
              member.equals(chain.get(0)) ? null : transferredOn,
              visible.test(header.organisation())));
    }
    var result = new PatientLeadTimes(catalogue, rules).measure(members, asOf);
    return new WholePathway(
        PathwayDefinitionId.of(rules.pathway().id()),
        asOf,
        catalogue.version(),
        instances,
        point(result.start()),
        point(result.firstAttendance()),
        point(result.decision()),
        point(result.treatment()),
        result.leadTimes());
  }

  /** Every whole pathway of these patients' pathways, each chain once, in the order opened. */
  static List<WholePathway> all(
      List<PatientPathway> pathways,
      List<TransferLink> links,
      Catalogue catalogue,
      CatalogueService catalogues,
      LocalDate asOf) {
    var byPatient = new LinkedHashMap<String, List<PatientPathway>>();
    pathways.forEach(
        p -> byPatient.computeIfAbsent(p.header().patient(), k -> new ArrayList<>()).add(p));
    var wholes = new ArrayList<WholePathway>();
    for (Map.Entry<String, List<PatientPathway>> entry : byPatient.entrySet()) {
      var done = new LinkedHashSet<UUID>();
      for (var pathway : entry.getValue()) {
        var id = pathway.header().id();
        if (done.contains(id)) {
          continue;
        }
        var whole =
            of(id, entry.getValue(), links, catalogue, catalogues, asOf, organisation -> false);
        whole.instances().forEach(i -> done.add(i.id().value()));
        wholes.add(whole);
      }
    }
    return wholes;
  }

  private static WholePathway.@org.jspecify.annotations.Nullable Point point(
      PatientLeadTimes.@org.jspecify.annotations.Nullable Point point) {
    return point == null
        ? null
        : new WholePathway.Point(
            new PathwayId(point.pathway()),
            OrganisationNumber.of(point.organisation()),
            point.code(),
            point.date());
  }
}
