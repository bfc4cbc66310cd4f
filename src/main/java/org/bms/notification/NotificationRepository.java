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

    /** Moves one notification from one status to another; 0 when another worker got there first. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update Notification n
               set n.status = :to, n.attempts = n.attempts + :attempt, n.updatedAt = :now
             where n.id = :id and n.status = :from
            """)
    int move(
            @Param("id") long id,
            @Param("from") NotificationStatus from,
            @Param("to") NotificationStatus to,
            @Param("attempt") int attempt,
            @Param("now") Instant now);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Notification n set n.status = :to, n.updatedAt = :now where n.status = :from")
    int moveAll(@Param("from") NotificationStatus from, @Param("to") NotificationStatus to, @Param("now") Instant now);

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

    @Query("select n.id from Notification n where n.status = :status order by n.id")
    List<Long> idsWithStatus(@Param("status") NotificationStatus status);

    @Query("select n.id from Notification n where n.accountId = :accountId")
    Optional<Long> idForAccount(@Param("accountId") long accountId);

    long countByStatus(NotificationStatus status);

    long countByGivenUpAtIsNotNull();

    /** The oldest notification in one of these statuses that is not given up on. */
    Optional<Notification> findFirstByStatusInAndGivenUpAtIsNullOrderByIdAsc(Collection<NotificationStatus> statuses);
}
