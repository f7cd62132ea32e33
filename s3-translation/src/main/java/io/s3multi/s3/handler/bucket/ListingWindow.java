package io.s3multi.s3.handler.bucket;

import java.util.List;

/**
 * One page of an S3 listing, as assembled from Swift listing pages: the entries and the common prefixes of the
 * page, in listing order, whether more follow, and where the next page starts.
 *
 * @param objects        the entries (objects, or versions; never subdir entries), in listing order
 * @param commonPrefixes the rolled-up prefixes, each ending with the delimiter, in name order
 * @param truncated      whether at least one more entry or prefix follows this page
 * @param last           the name of the last entry or prefix of the page (the next page continues after it); null
 *                       if empty
 * @param lastIsPrefix   whether {@code last} is a common prefix rather than an entry's name
 * @param <E>            the entries' type
 */
public record ListingWindow<E>(List<E> objects, List<String> commonPrefixes, boolean truncated,
                               String last, boolean lastIsPrefix) {

    public ListingWindow {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    /** The number of entries and prefixes, as S3's {@code KeyCount} counts them. */
    public int size() {
        return objects.size() + commonPrefixes.size();
    }

    /** The last entry of the page, or null when the page is empty. */
    public E lastObject() {
        return objects.isEmpty() ? null : objects.get(objects.size() - 1);
    }
}
