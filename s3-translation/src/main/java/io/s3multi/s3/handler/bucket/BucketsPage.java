package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3Request;
import java.util.List;

/**
 * What a ListBuckets request asks for, read as AWS's paginated ListBuckets reads it.
 *
 * <p>Without any of {@code max-buckets}, {@code prefix} and {@code continuation-token} the answer is every bucket,
 * as ListBuckets always was. With any of them it is a page: at most {@code max-buckets} buckets (1 to 10,000;
 * 10,000 when absent) whose names start with {@code prefix} and sort after the name a {@link ContinuationToken}
 * holds; an empty token counts as none. Out of range is {@code InvalidArgument} "Argument max-buckets must be
 * an integer between 1 and 10000", not a number "Provided max-buckets not an integer or within integer range",
 * a token the gateway did not write "The continuation token provided is incorrect", as AWS answers.
 *
 * @param paged      whether the request asked for a page at all
 * @param maxBuckets the most buckets the page holds (unbounded when not paged)
 * @param prefix     only names starting with this; null when not asked (then not echoed)
 * @param after      only names after this; null to start at the first
 */
public record BucketsPage(boolean paged, int maxBuckets, String prefix, String after) {

    /** AWS's largest and default page. */
    public static final int MAX_BUCKETS = 10_000;

    private static final List<String> PAGE_PARAMETERS = List.of("max-buckets", "prefix", "continuation-token");

    public static BucketsPage of(S3Request request) {
        boolean paged = PAGE_PARAMETERS.stream().anyMatch(name -> request.param(name).isPresent());
        if (!paged) {
            return new BucketsPage(false, Integer.MAX_VALUE, null, null);
        }
        int maxBuckets = request.param("max-buckets").map(BucketsPage::maxBuckets).orElse(MAX_BUCKETS);
        String after = request.param("continuation-token").filter(t -> !t.isEmpty())
                .map(ContinuationToken::decode).orElse(null);
        return new BucketsPage(true, maxBuckets, request.param("prefix").orElse(null), after);
    }

    private static int maxBuckets(String text) {
        int value = MaxKeys.integer("max-buckets", text);
        if (value < 1 || value > MAX_BUCKETS) {
            throw S3Exception.invalidArgument("max-buckets", Integer.toString(value),
                    "Argument max-buckets must be an integer between 1 and " + MAX_BUCKETS);
        }
        return value;
    }
}
