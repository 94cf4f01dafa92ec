package org.maplebridge.read;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter a read cannot use (400), named in the problem's {@code errors}. */
public class InvalidParameter extends ErrorResponseException {
  public InvalidParameter(String parameter, String explanation) {
    super(HttpStatus.BAD_REQUEST, problem(parameter, explanation), null);
  }

  private static ProblemDetail problem(String parameter, String explanation) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Not a valid " + parameter);
    problem.setType(URI.create("https://maplebridge.org/problems/validation"));
    problem.setTitle("Invalid input");
    problem.setProperty("errors", Map.of(parameter, explanation));
    return problem;
  }
}
