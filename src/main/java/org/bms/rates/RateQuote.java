package org.bms.rates;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One published interest rate, in percent per year, and the date from which it applies. */
public record RateQuote(String name, BigDecimal ratePercent, LocalDate effectiveDate) {}
