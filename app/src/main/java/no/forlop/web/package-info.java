/**
 * Web conventions shared by every module: errors as FHIR {@code OperationOutcome}s, the choice of
 * language (Norwegian bokmål by default, English on request) and the page layout.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package no.forlop.web;
