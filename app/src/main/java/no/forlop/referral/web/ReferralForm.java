package no.forlop.referral.web;

import org.jspecify.annotations.Nullable;

/**
 * What the GP fills in to get a referral: the patient (fødselsnummer, name, birth date), the
 * suspected diagnosis (ICD-10, optional), the GP's practice and the receiving organisation by their
 * organisation numbers, and the GP's own HPR number (optional: with it the GP can follow the
 * referral's status, ADR 0043). Bound from the form's fields; kept only for the answer, never
 * stored or logged.
 */
record ReferralForm(
    @Nullable String fodselsnummer,
    @Nullable String navn,
    @Nullable String fodselsdato,
    @Nullable String icd10,
    @Nullable String fraOrgnr,
    @Nullable String fraNavn,
    @Nullable String tilOrgnr,
    @Nullable String tilNavn,
    @Nullable String hpr) {

  static ReferralForm empty() {
    return new ReferralForm(null, null, null, null, null, null, null, null, null);
  }

  @Override
  public String toString() {
    return "ReferralForm[…]"; // no personal data in logs
  }
}
