package org.bms.idempotency;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Kept answers by caller and key. */
interface KeptResponseRepository extends JpaRepository<KeptResponse, KeptResponse.Scope> {

    /** Forgets the answers kept before {@code instant}; returns how many. */
    @Modifying
    @Query("delete from KeptResponse r where r.createdAt < :instant")
    int deleteKeptBefore(@Param("instant") Instant instant);
}
