package no.forlop.npr;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Writes the two documents of a delivery: the pathway codes per patient (under a key local to the
 * delivery, never the identity number) and per pathway instance, and, separately, the
 * identification of each key's person. Patients are keyed P1, P2, … in the order of their first
 * code in the period, so the keys say nothing about the identity numbers.
 */
final class NprDocuments {

  static final String SCHEMA_VERSION = "1.0";
  static final String CODES_NS = "urn:forlop:npr:pathway-codes:1";
  static final String IDENTITIES_NS = "urn:forlop:npr:person-identification:1";

  private NprDocuments() {}

  /** A registered code to deliver, with its pathway instance and patient. */
  record CodeRow(
      UUID pathwayId,
      String patient,
      String pathway,
      @Nullable String codePrefix,
      UUID registration,
      String code,
      LocalDate date,
      String origin) {}

  /** What the documents are about. */
  record Header(
      UUID deliveryId,
      int sequence,
      @Nullable UUID supersedes,
      String organisation,
      LocalDate from,
      LocalDate to,
      Instant createdAt) {}

  /** Both documents and their counts. */
  record Written(String message, String identities, int patients, int pathways, int codes) {}

  /**
   * Writes both documents from the rows, which must be ordered by date (then pathway instance and
   * registration) for stable keys.
   *
   * @throws NprDeliveryException when a patient's identity number is not a valid one
   */
  static Written write(Header header, List<CodeRow> rows) {
    var byPatient = new LinkedHashMap<String, Map<UUID, List<CodeRow>>>();
    for (var row : rows) {
      byPatient
          .computeIfAbsent(row.patient(), p -> new LinkedHashMap<>())
          .computeIfAbsent(row.pathwayId(), p -> new ArrayList<>())
          .add(row);
    }
    var keys = new LinkedHashMap<String, String>();
    byPatient.keySet().forEach(p -> keys.put(p, "P" + (keys.size() + 1)));
    int pathways = byPatient.values().stream().mapToInt(Map::size).sum();
    return new Written(
        message(header, byPatient, keys),
        identities(header, keys),
        keys.size(),
        pathways,
        rows.size());
  }

  private static String message(
      Header header, Map<String, Map<UUID, List<CodeRow>>> byPatient, Map<String, String> keys) {
    return xml(
        w -> {
          w.writeStartElement("", "pathwayCodes", CODES_NS);
          w.writeDefaultNamespace(CODES_NS);
          w.writeAttribute("version", SCHEMA_VERSION);
          w.writeAttribute("deliveryId", header.deliveryId().toString());
          w.writeAttribute("sequence", Integer.toString(header.sequence()));
          if (header.supersedes() != null) {
            w.writeAttribute("supersedes", header.supersedes().toString());
          }
          w.writeAttribute("organisation", header.organisation());
          w.writeAttribute("periodFrom", header.from().toString());
          w.writeAttribute("periodTo", header.to().toString());
          w.writeAttribute(
              "createdAt",
              DateTimeFormatter.ISO_INSTANT.format(
                  header.createdAt().truncatedTo(ChronoUnit.MILLIS)));
          for (var patient : byPatient.entrySet()) {
            w.writeStartElement(CODES_NS, "patient");
            w.writeAttribute("key", keys.get(patient.getKey()));
            for (var pathway : patient.getValue().values()) {
              var first = pathway.get(0);
              w.writeStartElement(CODES_NS, "pathway");
              w.writeAttribute("instance", first.pathwayId().toString());
              w.writeAttribute("pathway", first.pathway());
              if (first.codePrefix() != null) {
                w.writeAttribute("codePrefix", first.codePrefix());
              }
              for (var code : pathway) {
                w.writeEmptyElement(CODES_NS, "code");
                w.writeAttribute("value", code.code());
                w.writeAttribute("date", code.date().toString());
                w.writeAttribute("registration", code.registration().toString());
                w.writeAttribute("origin", code.origin());
              }
              w.writeEndElement();
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  private static String identities(Header header, Map<String, String> keys) {
    return xml(
        w -> {
          w.writeStartElement("", "personIdentification", IDENTITIES_NS);
          w.writeDefaultNamespace(IDENTITIES_NS);
          w.writeAttribute("version", SCHEMA_VERSION);
          w.writeAttribute("deliveryId", header.deliveryId().toString());
          w.writeAttribute("organisation", header.organisation());
          w.writeAttribute("periodFrom", header.from().toString());
          w.writeAttribute("periodTo", header.to().toString());
          for (var entry : keys.entrySet()) {
            if (!PatientIdentifier.isValid(entry.getKey())) {
              throw new NprDeliveryException(
                  NprDeliveryException.Kind.DOCUMENT_INVALID,
                  "INVALID_IDENTITY_NUMBER",
                  "patient " + entry.getValue() + " has no valid identity number",
                  null);
            }
            var id = PatientIdentifier.parse(entry.getKey());
            w.writeEmptyElement(IDENTITIES_NS, "person");
            w.writeAttribute("key", entry.getValue());
            w.writeAttribute("idType", id.kind().name());
            w.writeAttribute("id", id.value());
          }
          w.writeEndElement();
        });
  }

  private interface Body {
    void write(XMLStreamWriter writer) throws XMLStreamException;
  }

  private static String xml(Body body) {
    var out = new StringWriter();
    try {
      var writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      writer.writeStartDocument("UTF-8", "1.0");
      writer.writeCharacters("\n");
      body.write(writer);
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write an NPR document", e);
    }
    return out.append('\n').toString();
  }
}
