package org.maplebridge.read;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The record does not exist or is outside the viewer's scope: both answer 404 alike. */
public class NotFound extends ErrorResponseException {
  public NotFound(String what) {
    super(HttpStatus.NOT_FOUND, problem(what), null);
  }

  private static ProblemDetail problem(String what) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " not found");
    problem.setType(java.net.URI.create("https://maplebridge.org/problems/not-found"));
    problem.setTitle("Not found");
    return problem;
  }
}
