package org.bms.validation;

import java.util.List;

/** A request whose fields were checked and found wrong; answered with a 400 listing each violation. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).message() : violations.size() + " invalid fields");
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
