package org.maplebridge.crisis;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrisisDeadlines.class)
class CrisisConfiguration {}
