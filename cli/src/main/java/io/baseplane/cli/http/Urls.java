package io.baseplane.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Path segments and query strings from operator input, encoded. */
public final class Urls {

    private Urls() {
    }

    public static String segment(String value) {
        // URLEncoder is made for forms: a space would be '+', which a path keeps as a plus.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} from names and values in turn, leaving out null values; empty when none is left. */
    public static String query(String... namesAndValues) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(namesAndValues[i] + "=" + segment(namesAndValues[i + 1]));
            }
        }
        return query.toString();
    }
}
