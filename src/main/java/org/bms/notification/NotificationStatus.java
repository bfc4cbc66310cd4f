package org.bms.notification;

/** Where a creation e-mail stands. {@code SENDING} outlives a crash only until the next start-up. */
enum NotificationStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED
}
