package no.forlop.catalog;

/** The families of national pathways. */
public enum PathwayKind {
  /** Organ-specific cancer pathway (codes Axx). */
  CANCER,
  /** Metastases of unknown origin (B01). */
  METASTASES,
  /** Diagnostic pathway for non-specific symptoms of serious disease (C01). */
  DIAGNOSTIC,
  /** Mental health (psykisk helsevern), e.g. D11, D12. */
  MENTAL_HEALTH,
  /** Substance use (TSB), e.g. D01. */
  SUBSTANCE_USE;

  public boolean isCancer() {
    return this == CANCER || this == METASTASES || this == DIAGNOSTIC;
  }
}
