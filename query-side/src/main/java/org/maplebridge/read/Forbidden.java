package org.maplebridge.read;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The viewer's role may not use this read at all (403). */
public class Forbidden extends ErrorResponseException {
  public Forbidden(String detail) {
    super(HttpStatus.FORBIDDEN, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    problem.setType(URI.create("https://maplebridge.org/problems/forbidden"));
    problem.setTitle("Not allowed");
    return problem;
  }
}
