package org.maplebridge.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.maplebridge.platform.problem.ProblemResponses;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every signed-in request, read or write, page or API, and whichever way its caller signed in,
 * stops here when the account is switched off (the session ends with it) or still has a password
 * someone else chose (only changing it, and signing out, work until then).
 */
final class AccountStanding extends OncePerRequestFilter {
  static final String PASSWORD_PAGE = "/me/password";
  static final String PASSWORD_API = "/api/me/password";
  private static final Set<String> OPEN_BEFORE_THE_CHANGE =
      Set.of(PASSWORD_PAGE, PASSWORD_API, "/logout", "/login", "/error");

  private final StaffAccounts accounts;

  AccountStanding(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null
        || !signedIn.isAuthenticated()
        || signedIn instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    boolean api = request.getRequestURI().startsWith("/api/");
    StaffAccounts.Standing standing;
    try {
      standing = accounts.standing(signedIn.getName());
    } catch (DataAccessException storeDown) {
      ProblemResponses.write(
          response,
          ProblemResponses.problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "unavailable",
              "Storage unavailable",
              "The record store cannot be reached; nothing was stored. Try again shortly."));
      return;
    }
    switch (standing) {
      case ACTIVE -> chain.doFilter(request, response);
      case SWITCHED_OFF -> {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        if (api) {
          ProblemResponses.write(
              response,
              ProblemResponses.problem(
                  HttpStatus.UNAUTHORIZED,
                  "switched-off",
                  "Account switched off",
                  "This account is switched off; ask the administrator"));
        } else {
          response.sendRedirect(request.getContextPath() + "/login?switchedOff");
        }
      }
      case MUST_CHANGE_PASSWORD -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN_BEFORE_THE_CHANGE.contains(path)
            || path.startsWith("/css/")
            || path.startsWith("/js/")) {
          chain.doFilter(request, response);
        } else if (api) {
          ProblemResponses.write(
              response,
              ProblemResponses.problem(
                  HttpStatus.FORBIDDEN,
                  "password-change-required",
                  "Change your password first",
                  "Your password was chosen by someone else: change it ("
                      + PASSWORD_API
                      + ") before anything else"));
        } else {
          response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
        }
      }
    }
  }
}
