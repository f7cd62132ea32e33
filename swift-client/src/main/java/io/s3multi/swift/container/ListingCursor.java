package io.s3multi.swift.container;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a whole listing one page at a time, asking Swift for the next page only when the previous one has
 * been consumed: memory holds one page, however large the container.
 *
 * <p>Each page continues after the last name (or subdir) of the previous page. A page shorter than the
 * page size is the last one, which saves the empty request at the end. Not thread-safe: one consumer.
 *
 * @param <T> {@link ObjectEntry} or {@link ContainerEntry}
 */
public final class ListingCursor<T> {

    /** Fetches one page for a query. */
    @FunctionalInterface
    interface PageFetcher<T> {
        ListingPage<T> fetch(ListingQuery query) throws SwiftException;
    }

    private final PageFetcher<T> fetcher;
    private final Function<T, String> nameOf;
    private final int pageSize;
    private ListingQuery next;
    private boolean exhausted;

    ListingCursor(PageFetcher<T> fetcher, Function<T, String> nameOf, ListingQuery query, int pageSize) {
        this.fetcher = fetcher;
        this.nameOf = nameOf;
        this.pageSize = pageSize;
        this.next = query.withLimit(pageSize);
    }

    /** Whether another page may exist. */
    public boolean hasMorePages() {
        return !exhausted;
    }

    /** The next page; an empty page once the listing is exhausted. */
    public ListingPage<T> nextPage() throws SwiftException {
        if (exhausted) {
            return new ListingPage<>(List.of(), SwiftHeaders.empty());
        }
        ListingPage<T> page = fetcher.fetch(next);
        List<T> entries = page.entries();
        if (entries.size() < pageSize) {
            exhausted = true;
        } else {
            next = next.withMarker(nameOf.apply(entries.get(entries.size() - 1)));
        }
        return page;
    }

    /**
     * Every remaining entry, fetched lazily page by page as the stream is consumed. A Swift failure
     * surfaces as an {@link UncheckedIOException} whose cause is the {@link SwiftException}.
     */
    public Stream<T> stream() {
        Iterator<T> entries = new Iterator<>() {
            private Iterator<T> page = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && hasMorePages()) {
                    try {
                        page = nextPage().entries().iterator();
                    } catch (SwiftException failure) {
                        throw new UncheckedIOException(failure);
                    }
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(entries, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
