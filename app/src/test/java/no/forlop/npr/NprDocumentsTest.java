package no.forlop.npr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.npr.NprDocuments.CodeRow;
import no.forlop.npr.NprDocuments.Header;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/** Writing the two documents of a delivery, and the schemas that guard them. */
class NprDocumentsTest {

  private static final NprSchemas SCHEMAS = new NprSchemas();
  private static final UUID DELIVERY = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID EARLIER = UUID.fromString("00000000-0000-4000-8000-000000000002");
  private static final String ORG = "910000012";

  private final String anne = TestPatients.next();
  private final String dnummer = dNummer();
  private final UUID colorectal = UUID.randomUUID();
  private final UUID breast = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();

  private static Header header(UUID supersedes) {
    return new Header(
        DELIVERY,
        supersedes == null ? 1 : 2,
        supersedes,
        ORG,
        LocalDate.parse("2024-01-01"),
        LocalDate.parse("2024-01-31"),
        Instant.parse("2024-12-31T10:00:00Z"));
  }

  private CodeRow row(UUID pathway, String patient, String code, String date) {
    return new CodeRow(
        pathway,
        patient,
        pathway == breast ? "breast" : "colorectal",
        pathway == breast ? null : "A12",
        UUID.randomUUID(),
        code,
        LocalDate.parse(date),
        "MANUAL");
  }

  private List<CodeRow> rows() {
    return List.of(
        row(colorectal, anne, "A12A", "2024-01-02"),
        row(other, dnummer, "A12A", "2024-01-03"),
        row(colorectal, anne, "A12S", "2024-01-05"),
        row(breast, anne, "A12A", "2024-01-09"));
  }

  @Test
  void both_documents_validate_and_the_codes_carry_no_identity_number() {
    var written = NprDocuments.write(header(null), rows());

    assertThat(SCHEMAS.problemsOfMessage(written.message())).isEmpty();
    assertThat(SCHEMAS.problemsOfIdentities(written.identities())).isEmpty();
    assertThat(written.patients()).isEqualTo(2);
    assertThat(written.pathways()).isEqualTo(3);
    assertThat(written.codes()).isEqualTo(4);
    assertThat(written.message())
        .doesNotContain(anne)
        .doesNotContain(dnummer)
        .contains("xmlns=\"urn:forlop:npr:pathway-codes:1\"")
        .contains("version=\"1.0\"")
        .doesNotContain("supersedes=");
    // patients keyed in the order of their first code; a patient's pathways under their key
    var message = written.message();
    assertThat(message.indexOf("key=\"P1\"")).isLessThan(message.indexOf("key=\"P2\""));
    assertThat(message.substring(message.indexOf("key=\"P1\""), message.indexOf("key=\"P2\"")))
        .contains(colorectal.toString())
        .contains("codePrefix=\"A12\"")
        .contains("value=\"A12S\" date=\"2024-01-05\"");
    assertThat(message.substring(message.indexOf("key=\"P2\""))).contains(other.toString());
  }

  @Test
  void the_identification_names_each_key_once_with_the_kind_of_number() {
    var written = NprDocuments.write(header(null), rows());

    assertThat(NprDeliveries.identityKeys(written.identities())).containsExactly("P1", "P2");
    assertThat(NprDeliveries.identityNumbers(written.identities())).containsExactly(anne, dnummer);
    assertThat(written.identities())
        .contains("key=\"P1\" idType=\"FODSELSNUMMER\" id=\"" + anne + "\"")
        .contains("key=\"P2\" idType=\"D_NUMMER\" id=\"" + dnummer + "\"")
        .contains("deliveryId=\"" + DELIVERY + "\"")
        .doesNotContain("A12A");
  }

  @Test
  void a_re_delivery_names_the_delivery_it_supersedes() {
    var written = NprDocuments.write(header(EARLIER), rows());
    assertThat(written.message()).contains("sequence=\"2\"").contains("supersedes=\"" + EARLIER);
    assertThat(SCHEMAS.problemsOfMessage(written.message())).isEmpty();
  }

  @Test
  void an_empty_period_is_a_valid_delivery_of_nothing() {
    var written = NprDocuments.write(header(null), List.of());
    assertThat(SCHEMAS.problemsOfMessage(written.message())).isEmpty();
    assertThat(SCHEMAS.problemsOfIdentities(written.identities())).isEmpty();
    assertThat(written.patients()).isZero();
  }

  @Test
  void the_validator_catches_a_bad_code_a_bad_date_and_a_missing_attribute() {
    var message = NprDocuments.write(header(null), rows()).message();

    assertThat(SCHEMAS.problemsOfMessage(message.replace("\"A12S\"", "\"a12s\"")))
        .isNotEmpty()
        .anySatisfy(p -> assertThat(p).contains("a12s").startsWith("line "));
    assertThat(SCHEMAS.problemsOfMessage(message.replace("2024-01-05", "2024-02-30"))).isNotEmpty();
    assertThat(SCHEMAS.problemsOfMessage(message.replace(" origin=\"MANUAL\"", ""))).isNotEmpty();
    assertThat(SCHEMAS.problemsOfMessage(message.replace("\"MANUAL\"", "\"GUESSED\"")))
        .isNotEmpty();
    assertThat(SCHEMAS.problemsOfMessage(message.replace("version=\"1.0\"", "version=\"2.0\"")))
        .isNotEmpty();
    assertThat(SCHEMAS.problemsOfMessage(message.replace("key=\"P2\"", "key=\"P1\"")))
        .as("a key used twice")
        .isNotEmpty();
    assertThat(SCHEMAS.problemsOfMessage("<pathwayCodes>")).isNotEmpty();
  }

  @Test
  void identification_problems_do_not_show_the_identity_number() {
    var identities = NprDocuments.write(header(null), rows()).identities();
    var broken = identities.replace(anne, anne.substring(0, 10));

    var problems = SCHEMAS.problemsOfIdentities(broken);
    assertThat(problems).isNotEmpty();
    assertThat(String.join(" ", problems))
        .doesNotContain(anne.substring(0, 10))
        .contains("value not shown");
    assertThat(SCHEMAS.problemsOfIdentities(identities.replace("D_NUMMER", "H_NUMMER")))
        .isNotEmpty();
  }

  @Test
  void a_patient_without_a_valid_identity_number_refuses_the_delivery() {
    var bad = List.of(row(colorectal, "12345678901", "A12A", "2024-01-02"));
    assertThatThrownBy(() -> NprDocuments.write(header(null), bad))
        .isInstanceOf(NprDeliveryException.class)
        .hasMessageNotContaining("12345678901")
        .satisfies(
            e ->
                assertThat(((NprDeliveryException) e).kind())
                    .isEqualTo(NprDeliveryException.Kind.DOCUMENT_INVALID));
  }

  @Test
  void the_digest_is_sha256_of_the_utf8_bytes() {
    assertThat(NprDeliveries.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  /** An invented D-nummer (day + 40) with valid check digits. */
  private static String dNummer() {
    int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    for (int individual = 100; ; individual++) {
      var base = "450375" + individual;
      var k1 = control(base, w1);
      if (k1 < 0) continue;
      var k2 = control(base + k1, w2);
      if (k2 < 0) continue;
      return base + k1 + k2;
    }
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int k = 11 - sum % 11;
    if (k == 11) return 0;
    return k == 10 ? -1 : k;
  }
}
