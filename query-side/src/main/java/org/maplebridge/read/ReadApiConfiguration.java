package org.maplebridge.read;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Reads wait for the writes the caller names: the API by header, pages by {@code ?after=}. */
@Configuration
class ReadApiConfiguration implements WebMvcConfigurer {
  private final ReadYourWrites readYourWrites;

  ReadApiConfiguration(ReadYourWrites readYourWrites) {
    this.readYourWrites = readYourWrites;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(readYourWrites);
  }
}
