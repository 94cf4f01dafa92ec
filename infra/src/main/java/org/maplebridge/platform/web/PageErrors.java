package org.maplebridge.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.spring.authorization.UnauthorizedMessageException;
import org.maplebridge.write.NotAllowed;
import org.maplebridge.write.RecordNotFound;
import org.springframework.core.Ordered;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that is not there or not for the viewer answers with a page in the viewer's language (404
 * or 403 alike to the API), not with the API's problem document. The API keeps its problems. A
 * staff member switched off meanwhile loses the session and goes back to the sign-in page.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (e instanceof AuthenticationException) {
      // Switched off meanwhile: the session ends here, whichever way the person came in.
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      if (request.getRequestURI().startsWith("/api/")) {
        return null;
      }
      return new ModelAndView("redirect:/login");
    }
    if (request.getRequestURI().startsWith("/api/")) {
      return null;
    }
    int status = statusOf(e);
    if (status == 0) {
      return null;
    }
    response.setStatus(status);
    return new ModelAndView("error-page", Map.of("status", status));
  }

  private static int statusOf(Exception e) {
    if (e instanceof RecordNotFound || e instanceof AggregateNotFoundException) {
      return 404;
    }
    if (e instanceof NotAllowed || e instanceof UnauthorizedMessageException) {
      return 403;
    }
    if (e instanceof ErrorResponse answer
        && (answer.getStatusCode().value() == 404 || answer.getStatusCode().value() == 403)) {
      return answer.getStatusCode().value();
    }
    return 0;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
