package org.maplebridge.platform.web;

import org.maplebridge.events.Actor;
import org.maplebridge.platform.security.StaffAuthorities;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers of both sides the signed-in staff member as an {@link Actor} parameter. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {
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
    // Whether the account is still on was checked for this request already (AccountStanding).
    return StaffAuthorities.actorOf(SecurityContextHolder.getContext().getAuthentication())
        .orElseThrow(() -> new InsufficientAuthenticationException("Sign in as a staff member"));
  }
}
