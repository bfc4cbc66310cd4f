package org.bms.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The journal's postings; they are only ever added. */
interface PostingRepository extends JpaRepository<Posting, Long> {

    /** An account's postings with their movements, newest first: its statement. */
    @Query(
            value =
                    "select p from Posting p join fetch p.movement where p.accountId = :account order by p.movement.id desc",
            countQuery = "select count(p) from Posting p where p.accountId = :account")
    Page<Posting> statementOf(@Param("account") long account, Pageable pageable);
}
