package org.bms.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The outbox table. */
interface NotificationRepository extends JpaRepository<Notification, Long> {

    /**
     * Claims one notification for {@code owner} until {@code leaseUntil}: one that is pending, or one whose sender's
     * lease ran out (an instance that stopped or was killed mid-send). 0 when it is not there to take: sent, failed,
     * or held by a live sender. One conditional update, so of two instances racing for it exactly one wins.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.status = org.bms.notification.NotificationStatus.SENDING, n.attempts = n.attempts + 1,
                   n.claimedBy = :owner, n.leaseUntil = :leaseUntil, n.updatedAt = :now
             where n.id = :id
               and (n.status = org.bms.notification.NotificationStatus.PENDING
                    or (n.status = org.bms.notification.NotificationStatus.SENDING
                        and (n.leaseUntil is null or n.leaseUntil < :now)))
            """)
    int claim(
            @Param("id") long id,
            @Param("owner") String owner,
            @Param("leaseUntil") Instant leaseUntil,
            @Param("now") Instant now);

    /** Extends the leases {@code owner} holds, while it is still sending. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.leaseUntil = :leaseUntil
             where n.claimedBy = :owner and n.status = org.bms.notification.NotificationStatus.SENDING
            """)
    int renewLeases(@Param("owner") String owner, @Param("leaseUntil") Instant leaseUntil);

    /** Records that {@code owner}'s send succeeded; 0 when it no longer holds the claim. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.status = org.bms.notification.NotificationStatus.SENT, n.sentAt = :now, n.updatedAt = :now,
                   n.lastError = null, n.claimedBy = null, n.leaseUntil = null
             where n.id = :id and n.claimedBy = :owner
               and n.status = org.bms.notification.NotificationStatus.SENDING
            """)
    int markSent(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now);

    /** Records that {@code owner}'s sends all failed; 0 when it no longer holds the claim. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.status = org.bms.notification.NotificationStatus.FAILED, n.lastError = :error,
                   n.updatedAt = :now, n.claimedBy = null, n.leaseUntil = null
             where n.id = :id and n.claimedBy = :owner
               and n.status = org.bms.notification.NotificationStatus.SENDING
            """)
    int markFailed(
            @Param("id") long id,
            @Param("owner") String owner,
            @Param("error") String error,
            @Param("now") Instant now);

    /** The notifications a sender may claim now: pending ones, and those whose sender's lease ran out. */
    @Query("""
            select n.id from Notification n
             where n.status = org.bms.notification.NotificationStatus.PENDING
                or (n.status = org.bms.notification.NotificationStatus.SENDING
                    and (n.leaseUntil is null or n.leaseUntil < :now))
             order by n.id
            """)
    List<Long> claimable(@Param("now") Instant now);

    /** Moves the notifications in one status written after {@code since}, except those given up on. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.status = :to, n.updatedAt = :now
             where n.status = :from and n.givenUpAt is null and n.createdAt > :since
            """)
    int moveAllWrittenSince(
            @Param("from") NotificationStatus from,
            @Param("to") NotificationStatus to,
            @Param("since") Instant since,
            @Param("now") Instant now);

    /** The failed notifications written at or before {@code until} that are not given up on yet. */
    @Query("""
            select n from Notification n
             where n.status = org.bms.notification.NotificationStatus.FAILED
               and n.givenUpAt is null and n.createdAt <= :until
             order by n.id
            """)
    List<Notification> failedWrittenUntil(@Param("until") Instant until);

    /** Marks one failed notification given up on; 0 when it is not failed any more or was marked already. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.givenUpAt = :now
             where n.id = :id and n.status = org.bms.notification.NotificationStatus.FAILED and n.givenUpAt is null
            """)
    int giveUp(@Param("id") long id, @Param("now") Instant now);

    @Query("select n.id from Notification n where n.accountId = :accountId")
    Optional<Long> idForAccount(@Param("accountId") long accountId);

    long countByStatus(NotificationStatus status);

    long countByGivenUpAtIsNotNull();

    /** The oldest notification in one of these statuses that is not given up on. */
    Optional<Notification> findFirstByStatusInAndGivenUpAtIsNullOrderByIdAsc(Collection<NotificationStatus> statuses);
}
