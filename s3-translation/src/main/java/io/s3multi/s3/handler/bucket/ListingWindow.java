package io.s3multi.s3.handler.bucket;

import io.s3multi.swift.container.ObjectEntry;
import java.util.List;

/**
 * One page of an S3 listing, as assembled from Swift listing pages: the objects and the common prefixes of the
 * page, in name order, whether more follow, and where the next page starts.
 *
 * @param objects        the objects (never subdir entries), in name order
 * @param commonPrefixes the rolled-up prefixes, each ending with the delimiter, in name order
 * @param truncated      whether at least one more key or prefix follows this page
 * @param last           the last key or prefix of the page (the next page continues after it); null if empty
 * @param lastIsPrefix   whether {@code last} is a common prefix rather than a key
 */
public record ListingWindow(List<ObjectEntry> objects, List<String> commonPrefixes, boolean truncated,
                            String last, boolean lastIsPrefix) {

    public ListingWindow {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    /** The number of keys and prefixes, as S3's {@code KeyCount} counts them. */
    public int size() {
        return objects.size() + commonPrefixes.size();
    }
}
