package org.bms.account;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.bms.validation.Violations;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page request over accounts: optional filters, a page position and a sort of {@code property[,asc|desc]}
 * terms over the properties clients see.
 */
public record AccountSearch(String name, String number, AccountStatus status, int page, int size, Sort sort) {

    public static final int MAX_PAGE_SIZE = 100;

    /** The largest page number whose offset fits in an {@code int} at any page size. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

    /** API property → entity attribute; anything else is refused rather than passed to the query. */
    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id",
            "name", "nameFolded",
            "number", "number",
            "balance", "balanceMinor",
            "createdAt", "createdAt",
            "updatedAt", "updatedAt");

    Pageable pageable() {
        return PageRequest.of(page, size, sortOrder());
    }

    /** The name filter as a LIKE pattern over the folded name, with the pattern's own characters escaped. */
    String namePattern() {
        String trimmed = name == null ? "" : HolderName.trim(name);
        if (trimmed.isEmpty()) {
            return null;
        }
        String escaped =
                Account.fold(trimmed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The number filter normalised the way numbers are stored. */
    String normalizedNumber() {
        return number == null || number.isBlank()
                ? null
                : number.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private Sort sortOrder() {
        var violations = new Violations();
        Sort result = Sort.unsorted();
        for (Sort.Order order : sort == null ? Sort.unsorted() : sort) {
            String attribute = SORTABLE.get(order.getProperty());
            if (attribute == null) {
                violations.add(
                        "sort", "must be property[,asc|desc] with property one of " + new TreeSet<>(SORTABLE.keySet()));
                continue;
            }
            result = result.and(Sort.by(order.getDirection(), attribute));
        }
        violations.throwIfAny();
        // Ties are broken by id so that paging through equal names is stable.
        return result.getOrderFor("id") == null ? result.and(Sort.by("id")) : result;
    }
}
