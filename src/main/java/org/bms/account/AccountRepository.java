package org.bms.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Accounts in the database. */
interface AccountRepository extends JpaRepository<Account, Long>, AccountLocks {

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
