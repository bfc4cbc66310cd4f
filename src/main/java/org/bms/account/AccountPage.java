package org.bms.account;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of accounts with its position in the whole result. */
public record AccountPage(List<AccountView> content, PageMetadata page) {

    /** Where the page sits: its size and number (from 0), and how many accounts and pages there are. */
    public record PageMetadata(int size, int number, long totalElements, int totalPages) {

        static PageMetadata of(Page<?> page) {
            return new PageMetadata(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages());
        }
    }

    static AccountPage of(Page<Account> page) {
        return new AccountPage(page.getContent().stream().map(AccountView::of).toList(), PageMetadata.of(page));
    }
}
