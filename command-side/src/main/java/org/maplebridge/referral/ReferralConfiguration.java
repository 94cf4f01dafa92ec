package org.maplebridge.referral;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReferralDeadlines.class, RescueReferralBasis.class})
class ReferralConfiguration {}
