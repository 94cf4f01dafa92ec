package org.maplebridge.platform.web;

import org.maplebridge.write.StoredPosition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class WriteTransactionConfiguration {

  /** After Spring Security (order -100), so the filter knows who is writing. */
  @Bean
  FilterRegistrationBean<WriteTransactionFilter> writeTransactionFilter(
      PlatformTransactionManager transactions, JdbcClient jdbc, StoredPosition stored) {
    FilterRegistrationBean<WriteTransactionFilter> registration =
        new FilterRegistrationBean<>(new WriteTransactionFilter(transactions, jdbc, stored));
    registration.addUrlPatterns("/api/*", "/fhir/*");
    registration.setOrder(0);
    return registration;
  }
}
