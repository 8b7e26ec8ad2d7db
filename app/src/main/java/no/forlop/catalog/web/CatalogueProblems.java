package no.forlop.catalog.web;

import no.forlop.catalog.CatalogueVersionConflictException;
import no.forlop.catalog.InvalidCatalogueException;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import no.forlop.web.OperationOutcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A new catalogue version refused, whether loaded as a document or made from a code list: every
 * problem of an invalid version (400), a version label already taken by other content (409).
 */
@RestControllerAdvice(assignableTypes = {CatalogueController.class, CodeListController.class})
class CatalogueProblems {

  private final ApiProblems problems;

  CatalogueProblems(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(InvalidCatalogueException.class)
  ResponseEntity<OperationOutcome> invalid(InvalidCatalogueException e) {
    return problems.invalid("INVALID_CATALOGUE", e.problems());
  }

  @ExceptionHandler(CatalogueVersionConflictException.class)
  ResponseEntity<OperationOutcome> conflict(CatalogueVersionConflictException e) {
    return problems.response(ApiProblem.conflict("CATALOGUE_VERSION_TAKEN", e.version()));
  }
}
