package org.bms.account;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of an account's statement, newest first, in the shape of a page of accounts. */
public record Statement(List<StatementLine> content, AccountPage.PageMetadata page) {

    static Statement of(long account, Page<Posting> page) {
        return new Statement(
                page.getContent().stream()
                        .map(posting -> StatementLine.of(account, posting))
                        .toList(),
                AccountPage.PageMetadata.of(page));
    }
}
