package org.maplebridge.platform.web;

import org.maplebridge.events.Actor;
import org.maplebridge.platform.security.StaffAccounts;
import org.maplebridge.platform.security.StaffAuthorities;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers of both sides the signed-in staff member as an {@link Actor} parameter. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {
  private final StaffAccounts accounts;

  ActorArgumentResolver(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Actor actor =
        StaffAuthorities.actorOf(SecurityContextHolder.getContext().getAuthentication())
            .orElseThrow(
                () -> new InsufficientAuthenticationException("Sign in as a staff member"));
    if (!accounts.stillOn(actor.username())) {
      // Switched off by the administrator: an open session or cached credentials end here.
      SecurityContextHolder.clearContext();
      throw new DisabledException("This account is switched off");
    }
    return actor;
  }
}
