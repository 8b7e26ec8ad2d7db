package no.forlop.terminology.domain;

/** A code as the EHR sent it: the code system's URI (or OID as {@code urn:oid:}) and the code. */
public record Coding(String system, String code) {

  /** {@code system|code}, as the trace shows it. */
  public String display() {
    return system + "|" + code;
  }
}
