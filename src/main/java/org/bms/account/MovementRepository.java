package org.bms.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The journal's movements; they are only ever added. */
interface MovementRepository extends JpaRepository<Movement, Long> {

    /** The movement that undid movement {@code id}, if one did. */
    @Query("select m.id from Movement m where m.reverses = :id")
    Optional<Long> findReversalOf(@Param("id") long id);
}
