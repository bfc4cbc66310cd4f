package org.bms.account;

/** An account was closed. Published inside the closing transaction. */
public record AccountClosed(long accountId) {}
