package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written check says what AWS's rules, written as regular expressions, say, on names near the edges. */
class BucketNamesRulesTest {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IPV4_SHAPE = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

    @Property(tries = 1000)
    void agreesWithTheRulesAsRegularExpressions(@ForAll("names") String name) {
        assertEquals(byTheRules(name), BucketNames.isValid(name), name);
    }

    private static boolean byTheRules(String name) {
        return SHAPE.matcher(name).matches()
                && !name.contains("..") && !name.contains(".-") && !name.contains("-.")
                && !IPV4_SHAPE.matcher(name).matches()
                && List.of("xn--", "sthree-", "amzn-s3-demo-").stream().noneMatch(name::startsWith)
                && List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3").stream().noneMatch(name::endsWith);
    }

    /** Short runs of digits, dots, dashes and a few letters (so IPv4 shapes and reserved affixes come up), any length. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> pieces = Arbitraries.of("a", "b", "z", "0", "1", "9", ".", "-", "--", "_", "A", "ü", " ",
                "xn--", "sthree-", "-s3alias", ".mrap", "--x-s3", "192.", "1.2.3.4");
        Arbitrary<String> shortNames = pieces.list().ofMaxSize(12).map(list -> String.join("", list));
        Arbitrary<String> longNames = Arbitraries.strings().withChars("ab0.-").ofMinLength(60).ofMaxLength(66);
        return Arbitraries.oneOf(shortNames, longNames);
    }
}
