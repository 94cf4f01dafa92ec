package org.maplebridge.platform.web;

import java.util.List;
import org.maplebridge.platform.security.StaffAccounts;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
  private final StaffAccounts accounts;

  WebConfiguration(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ActorArgumentResolver(accounts));
  }
}
