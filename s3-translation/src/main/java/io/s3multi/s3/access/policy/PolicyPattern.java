package io.s3multi.s3.access.policy;

import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One value of a policy that may hold wildcards ({@code *} any run of characters, {@code ?} one character) and,
 * in a policy of version 2012-10-17, policy variables: {@code ${aws:username}}, {@code ${s3:prefix, 'default'}},
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for the literal characters.
 *
 * <p>A variable is replaced by the request's value of that condition key before matching; its value is literal
 * text (a user name with a {@code *} in it matches only a {@code *}). A variable whose key the request lacks and
 * that has no default makes the value match nothing, as in AWS.
 */
final class PolicyPattern {

    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private record Wildcard(char symbol) implements Part {
    }

    /** @param key lower-case; @param fallback the default, or null */
    private record Variable(String key, String fallback) implements Part {
    }

    private final String text;
    private final List<Part> parts;

    private PolicyPattern(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * @param wildcards whether {@code *} and {@code ?} are wildcards (StringEquals takes them literally)
     * @param variables whether {@code ${...}} is a variable (only in version 2012-10-17)
     * @throws S3Exception {@code MalformedPolicy} for a variable that does not parse
     */
    static PolicyPattern of(String text, boolean wildcards, boolean variables) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (variables && text.startsWith("${", i)) {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    throw S3Exception.malformedPolicy("Policy has an invalid variable: " + text);
                }
                String inside = text.substring(i + 2, end).strip();
                if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
                    literal.append(inside);
                } else {
                    flush(literal, parts);
                    parts.add(variable(inside, text));
                }
                i = end + 1;
                continue;
            }
            if (wildcards && (c == '*' || c == '?')) {
                flush(literal, parts);
                parts.add(new Wildcard(c));
            } else {
                literal.append(c);
            }
            i++;
        }
        flush(literal, parts);
        return new PolicyPattern(text, parts);
    }

    private static Variable variable(String inside, String text) {
        String key = inside;
        String fallback = null;
        int comma = inside.indexOf(',');
        if (comma >= 0) {
            key = inside.substring(0, comma).strip();
            String quoted = inside.substring(comma + 1).strip();
            if (quoted.length() < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) {
                throw S3Exception.malformedPolicy("Policy has an invalid variable: " + text);
            }
            fallback = quoted.substring(1, quoted.length() - 1);
        }
        if (!ConditionKeys.isWellFormed(key)) {
            throw S3Exception.malformedPolicy("Policy has an invalid variable: " + text);
        }
        return new Variable(key.toLowerCase(Locale.ROOT), fallback);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** The value as the policy has it. */
    String text() {
        return text;
    }

    /** Whether the value names one fixed string: no wildcard, no variable. */
    boolean isFixed() {
        return parts.stream().allMatch(Literal.class::isInstance);
    }

    /** The literal text before the first wildcard or variable. */
    String literalPrefix() {
        return parts.isEmpty() || !(parts.get(0) instanceof Literal first) ? "" : first.text();
    }

    /**
     * Whether {@code value} matches, with the request's values of the variables.
     *
     * @param variables the request's (single) value of a lower-case condition key, if it has one
     */
    boolean matches(String value, Function<String, Optional<String>> variables, boolean ignoreCase) {
        StringBuilder resolved = new StringBuilder();
        BitSet wild = new BitSet();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                resolved.append(folded(literal.text(), ignoreCase));
            } else if (part instanceof Wildcard wildcard) {
                wild.set(resolved.length());
                resolved.append(wildcard.symbol());
            } else {
                Variable variable = (Variable) part;
                Optional<String> replacement = variables.apply(variable.key())
                        .or(() -> Optional.ofNullable(variable.fallback()));
                if (replacement.isEmpty()) {
                    return false;
                }
                resolved.append(folded(replacement.get(), ignoreCase));
            }
        }
        return glob(resolved, wild, folded(value, ignoreCase));
    }

    private static String folded(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** Wildcard matching without recursion: on a mismatch, the last {@code *} takes one more character. */
    private static boolean glob(CharSequence pattern, BitSet wild, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int starValue = 0;
        while (v < value.length()) {
            if (p < pattern.length() && wild.get(p) && pattern.charAt(p) == '*') {
                star = p++;
                starValue = v;
            } else if (p < pattern.length() && (pattern.charAt(p) == value.charAt(v)
                    || wild.get(p) && pattern.charAt(p) == '?')) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++starValue;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && wild.get(p) && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
