package io.s3multi.s3.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Near-valid inputs: a valid header, query, document or body with a few edits, so that most inputs get past the
 * first checks of a parser and reach the deep ones, which random strings never do.
 *
 * <p>An {@link Edit} replaces, inserts, deletes, duplicates or truncates at a position, swaps a character's case,
 * or replaces the number found at a position; what it inserts comes from {@link #TOKENS} (the characters, escapes,
 * numbers and keywords the parsers of S3 requests treat specially) or is a short random string. Edits are plain
 * data, so jqwik shrinks a failing input to the fewest, simplest edits of the valid one. Byte inputs (bodies) are
 * edited through their ISO-8859-1 view, one character per byte, and may pin positions to "anchors" such as the
 * framing bytes of an aws-chunked body, which uniform positions would rarely hit.
 */
public final class Mutations {

    /** Numbers at and around the limits S3 parsers check (sizes, part numbers, expiry, int and long ranges). */
    public static final List<String> NUMBERS = List.of("0", "1", "-1", "+1", "00", "007", "8191", "8192", "10000",
            "10001", "604800", "604801", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "99999999999999999999", "31556889864403199", "31556889864403200", "-31557014167219200",
            "-31557014167219201", "1e3", "0x10", "ffffffffffffffff", "10000000000000000", "7fffffffffffffff", "");

    /** Characters, escapes and keywords that headers, query strings, framing and XML give a meaning. */
    public static final List<String> TOKENS = tokens();

    private static final int KINDS = 7;

    private Mutations() {
    }

    private static List<String> tokens() {
        List<String> tokens = new ArrayList<>(List.of("", " ", "\t", "\r", "\n", "\r\n", "\r\n\r\n", "\u0000",
                "\u007f", "%", "%0", "%zz", "%00", "%2F", "%2f", "%25", "%C3%A9", "%C3", "%FF", "%ED%A0%80", "+",
                "&", "=", "==", ";", ",", ":", "/", "//", "..", "/../", "*", "\"", "'", "\\", "?", "#", "<", ">",
                "&amp;", "&#0;", "&#x1F600;", "&undefined;", "<![CDATA[x]]>", "<!--x-->", "<?pi x?>",
                "<!DOCTYPE x []>", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<X>", "</X>", "<Part>", "</Part>",
                "xmlns=\"urn:x\"", "é", "\u00ff", "\u0100", "\ud800", "\udc00", "\ufeff", "\ufffe", "\uffff",
                "\ud83d\ude00", "-", "--", "bytes=", "bytes=0-", "bytes=-0", "bytes=0-0,1-1", "x-amz-",
                "x-amz-meta-a", "aws4_request", "AWS4-HMAC-SHA256", "AWS ", "chunk-signature=", "UNSIGNED-PAYLOAD",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
                "x-amz-checksum-crc32", "x-amz-checksum-crc32c", "x-amz-checksum-sha256", "x-amz-checksum-xxhash64",
                "x-amz-trailer-signature", "AAAAAA==", "AAAAAA", "!!!!", "====", "null", "true", "?versionId=",
                "Z", "T", "GMT", "A".repeat(300), "9".repeat(40)));
        tokens.addAll(NUMBERS);
        return List.copyOf(tokens);
    }

    /** One edit; positions and spans are fractions of the input's length, so an edit fits any input. */
    public record Edit(int kind, double at, double span, String token, boolean anchored) {

        String apply(String input, List<Integer> anchors) {
            int length = input.length();
            int position = anchored && !anchors.isEmpty()
                    ? Math.min(anchors.get((int) (at * anchors.size())), length)
                    : (int) (at * length);
            int rest = length - position;
            int spanLength = rest == 0 ? 0 : 1 + (int) (span * Math.min(16, rest - 1));
            return switch (kind) {
                case 0 -> input.substring(0, position) + token + input.substring(Math.min(length, position + 1));
                case 1 -> input.substring(0, position) + token + input.substring(position);
                case 2 -> input.substring(0, position) + input.substring(position + spanLength);
                case 3 -> input.substring(0, position + spanLength) + input.substring(position);
                case 4 -> input.substring(0, position);
                case 5 -> toggleCase(input, position);
                default -> replaceNumber(input, position, NUMBERS.get((int) (span * NUMBERS.size())));
            };
        }

        private static String toggleCase(String input, int position) {
            if (position >= input.length()) {
                return input;
            }
            String c = input.substring(position, position + 1);
            String toggled = c.toUpperCase(Locale.ROOT).equals(c) ? c.toLowerCase(Locale.ROOT) : c.toUpperCase(Locale.ROOT);
            return input.substring(0, position) + toggled + input.substring(position + 1);
        }

        /** Replaces the run of digits at or after {@code position} (a size, a date, a part number ...). */
        private static String replaceNumber(String input, int position, String number) {
            int start = position;
            while (start < input.length() && !isDigit(input.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < input.length() && isDigit(input.charAt(end))) {
                end++;
            }
            return input.substring(0, start) + number + input.substring(end);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** Zero to four edits. */
    public static Arbitrary<List<Edit>> edits() {
        return edits(4);
    }

    public static Arbitrary<List<Edit>> edits(int max) {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(TOKENS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(6)),
                Tuple.of(1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6)));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, KINDS - 1),
                Arbitraries.doubles().between(0, 1).ofScale(4).filter(d -> d < 1),
                Arbitraries.doubles().between(0, 1).ofScale(4).filter(d -> d < 1),
                token, Arbitraries.of(false, true)).as(Edit::new);
        return edit.list().ofMaxSize(max);
    }

    /** One edit that replaces the number at a random position with one of {@link #NUMBERS}. */
    public static Arbitrary<List<Edit>> numberEdit() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1).ofScale(4).filter(d -> d < 1),
                Arbitraries.integers().between(0, NUMBERS.size() - 1))
                .as((at, number) -> List.of(new Edit(6, at, (number + 0.5) / NUMBERS.size(), "", false)));
    }

    /** {@code valid} with the edits applied in order. */
    public static String apply(String valid, List<Edit> edits) {
        String edited = valid;
        for (Edit edit : edits) {
            edited = edit.apply(edited, List.of());
        }
        return edited;
    }

    /** {@code valid} bytes with the edits applied; tokens are inserted as UTF-8, anchored edits hit anchors. */
    public static byte[] apply(byte[] valid, List<Edit> edits, List<Integer> anchors) {
        String edited = new String(valid, StandardCharsets.ISO_8859_1);
        for (Edit edit : edits) {
            String token = new String(edit.token().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            edited = new Edit(edit.kind(), edit.at(), edit.span(), token, edit.anchored()).apply(edited, anchors);
        }
        return edited.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Positions of the given bytes in {@code body}: where framing (CR, LF, ';', ':', '=') is. */
    public static List<Integer> positionsOf(byte[] body, String bytes) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            if (bytes.indexOf(body[i] & 0xFF) >= 0) {
                positions.add(i);
            }
        }
        return positions;
    }
}
