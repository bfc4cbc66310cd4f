package org.bms.rates;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the scraper's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RatesProperties.class)
class RatesConfiguration {}
