package org.bms.validation;

/** One rejected input: the field (or parameter) it came from and what is wrong with it. */
public record Violation(String field, String message) {}
