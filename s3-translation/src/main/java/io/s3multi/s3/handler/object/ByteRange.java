package io.s3multi.s3.handler.object;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range} header, as S3 honours it: {@code bytes=first-last}, the open-ended
 * {@code bytes=first-} and the suffix {@code bytes=-count}.
 *
 * <p>S3 serves a single range only. A header that names several ranges, or that does not parse, is ignored and
 * the whole object is answered with 200, as AWS does; {@link #parse} then returns empty. A range that parses but
 * lies outside the object is a different matter: {@link #resolve} reports it unsatisfiable, which S3 answers with
 * {@code InvalidRange} (416).
 */
public final class ByteRange {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");
    private static final int MAX_DIGITS = 18;

    private final long first;
    private final long last;
    private final String raw;

    private ByteRange(long first, long last, String raw) {
        this.first = first;
        this.last = last;
        this.raw = raw;
    }

    /**
     * The range of a {@code Range} header, or empty when S3 would ignore the header (absent, several ranges,
     * not a bytes range, malformed, or last before first).
     */
    public static Optional<ByteRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String from = matcher.group(1);
        String to = matcher.group(2);
        if (from.length() > MAX_DIGITS || to.length() > MAX_DIGITS || (from.isEmpty() && to.isEmpty())) {
            return Optional.empty();
        }
        if (from.isEmpty()) {
            return Optional.of(new ByteRange(-1, Long.parseLong(to), header.trim()));
        }
        long first = Long.parseLong(from);
        long last = to.isEmpty() ? -1 : Long.parseLong(to);
        if (last >= 0 && last < first) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(first, last, header.trim()));
    }

    /** Whether this is a suffix range ({@code bytes=-count}). */
    public boolean isSuffix() {
        return first < 0;
    }

    /** The header as the client sent it, for {@code RangeRequested} in an {@code InvalidRange} error. */
    public String raw() {
        return raw;
    }

    /** The range in canonical form, to pass on to Swift: {@code bytes=0-9}, {@code bytes=5-}, {@code bytes=-3}. */
    public String toHeader() {
        if (isSuffix()) {
            return "bytes=-" + last;
        }
        return "bytes=" + first + "-" + (last < 0 ? "" : Long.toString(last));
    }

    /**
     * The first and last byte this range selects in an object of {@code size} bytes, or empty when it selects
     * none (unsatisfiable: starts at or after the end, a suffix of zero bytes, any range of an empty object).
     */
    public Optional<long[]> resolve(long size) {
        if (size <= 0) {
            return Optional.empty();
        }
        if (isSuffix()) {
            if (last == 0) {
                return Optional.empty();
            }
            return Optional.of(new long[] {Math.max(0, size - last), size - 1});
        }
        if (first >= size) {
            return Optional.empty();
        }
        return Optional.of(new long[] {first, last < 0 ? size - 1 : Math.min(last, size - 1)});
    }

    /** {@code bytes first-last/size}, the {@code Content-Range} of a 206 answer. */
    public static String contentRange(long first, long last, long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
