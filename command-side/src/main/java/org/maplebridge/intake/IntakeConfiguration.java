package org.maplebridge.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClinicalReviewDeadlines.class)
class IntakeConfiguration {}
