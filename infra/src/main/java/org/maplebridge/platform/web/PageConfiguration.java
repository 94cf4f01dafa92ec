package org.maplebridge.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages speak Simplified Chinese or English: the browser's language by default, or the one
 * chosen with {@code ?lang=zh-CN|en}, remembered in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {
  static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("maplebridge-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(
        request -> {
          Locale wanted = request.getLocale();
          return wanted != null && wanted.getLanguage().equals("zh")
              ? Locale.SIMPLIFIED_CHINESE
              : Locale.ENGLISH;
        });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
