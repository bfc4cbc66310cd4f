package org.bms.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query strings are plain decimal digits. Spring's default number editor also reads
 * {@code 0x1f}, {@code #1f} and other scripts' digits, so {@code DELETE /accounts/0x1f} would close account 31;
 * here anything but {@code -?[0-9]+} is a 400 like any other id or page that is not a number. An editor, not a
 * converter: Spring falls back to its default editors when a converter refuses a value.
 */
@ControllerAdvice
class DecimalParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

    @InitBinder
    void decimalDigitsOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new DecimalEditor(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new DecimalEditor(Long::valueOf, true));
        binder.registerCustomEditor(int.class, new DecimalEditor(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new DecimalEditor(Integer::valueOf, true));
    }

    /** Reads decimal digits into a number; a value out of range is refused like any other bad number. */
    private static final class DecimalEditor extends PropertyEditorSupport {

        private final Function<String, ? extends Number> parse;
        private final boolean emptyIsNull;

        DecimalEditor(Function<String, ? extends Number> parse, boolean emptyIsNull) {
            this.parse = parse;
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            if (emptyIsNull && (text == null || text.isEmpty())) {
                setValue(null);
            } else if (text != null && DECIMAL.matcher(text).matches()) {
                setValue(parse.apply(text));
            } else {
                throw new NumberFormatException("Not a decimal whole number: " + text);
            }
        }
    }
}
