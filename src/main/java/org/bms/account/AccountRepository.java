package org.bms.account;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Accounts in the database. */
interface AccountRepository extends JpaRepository<Account, Long> {

    /**
     * The account, locked until the transaction ends ({@code SELECT … FOR UPDATE} where the database has it): a
     * change checks its preconditions against the version no other writer, on any instance, can move meanwhile.
     * SQLite's single writer serialises changes already.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> findForChange(@Param("id") long id);

    boolean existsByNumber(String number);

    boolean existsByNumberAndIdNot(String number, Long id);

    @Query("""
            select a from Account a
            where a.status = :status
              and (:number is null or a.number = :number)
              and (:namePattern is null or a.nameFolded like :namePattern escape '\\')
            """)
    Page<Account> search(
            @Param("status") AccountStatus status,
            @Param("number") String number,
            @Param("namePattern") String namePattern,
            Pageable pageable);
}
