package org.bms.account;

/** An account's holder, number or balance changed. Published inside the revising transaction. */
public record AccountRevised(long accountId, long version) {}
