package io.s3multi.bench;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ContainerEntry;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;

/**
 * Removes containers and everything in them, through Swift's bulk delete. The benchmark names every
 * bucket after its run id, so after the S3 clean-up this sweeps whatever a gateway left behind in Swift
 * (segment containers such as {@code b_segments} or {@code b+segments}).
 */
final class SwiftSweeper {

    /** Version DELETEs in flight at once while a versioned container is emptied. */
    static final int PARALLEL_DELETES = 16;

    private SwiftSweeper() {
    }

    /** Every container of the account whose name starts with {@code prefix}. */
    static List<String> containersStartingWith(SwiftAccount account, String prefix) throws SwiftException {
        List<String> names = new ArrayList<>();
        account.containers().listAllContainers(ListingQuery.all().withPrefix(prefix)).stream()
                .map(ContainerEntry::name).forEach(names::add);
        return names;
    }

    /**
     * Switches versioning off and deletes every version (and delete marker) of a versioned container, so that the
     * container itself can be deleted. Swift's bulk delete takes no version ids, so each version is a DELETE of its
     * own, {@link #PARALLEL_DELETES} at once: the small suite leaves one version per PUT of its warm-up and phases,
     * thousands, and one DELETE after the other took minutes after the table was printed.
     */
    static void removeVersions(SwiftAccount account, String container, Logger log) {
        ExecutorService deleters = Executors.newFixedThreadPool(PARALLEL_DELETES);
        try {
            account.containers().post(container, SwiftHeaders.of("X-Versions-Enabled", "false"));
            List<VersionEntry> versions;
            do {
                versions = account.containers().listVersions(container, ListingQuery.all(), null).entries();
                inParallel(deleters, versions, version -> account.objects().deleteVersion(container, version.name(),
                        version.versionId(), SwiftHeaders.empty()));
            } while (!versions.isEmpty());
        } catch (Exception e) {
            log.warn("could not remove the versions in container {}: {}", container, e.toString());
        } finally {
            deleters.shutdownNow();
        }
    }

    /** One Swift request per item. */
    @FunctionalInterface
    interface SwiftCall<T> {
        void on(T item) throws SwiftException;
    }

    /** Runs {@code call} on every item on {@code threads}, all of them even when some fail; the first failure then. */
    static <T> void inParallel(ExecutorService threads, List<T> items, SwiftCall<T> call) throws Exception {
        List<Future<?>> running = new ArrayList<>(items.size());
        for (T item : items) {
            running.add(threads.submit(() -> {
                call.on(item);
                return null;
            }));
        }
        Exception first = null;
        for (Future<?> each : running) {
            try {
                each.get();
            } catch (ExecutionException failed) {
                first = first != null ? first
                        : failed.getCause() instanceof Exception cause ? cause : new RuntimeException(failed.getCause());
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static void removeContainers(SwiftAccount account, List<String> containers, Logger log) {
        for (String container : containers) {
            try {
                empty(account, container);
                account.containers().delete(container);
            } catch (SwiftException | RuntimeException e) {
                log.warn("could not remove container {}: {}", container, e.toString());
            }
        }
    }

    /**
     * Deletes every object of the containers, keeping the containers: before the targets' own clean-up, so that a
     * gateway's DeleteObjects, one Swift DELETE per key, does not have to remove the thousands of small objects the
     * warm-up and the phases wrote (it took minutes on a busy machine).
     */
    static void emptyContainers(SwiftAccount account, List<String> containers, Logger log) {
        for (String container : containers) {
            try {
                empty(account, container);
            } catch (SwiftException | RuntimeException e) {
                log.warn("could not empty container {}: {}", container, e.toString());
            }
        }
    }

    private static void empty(SwiftAccount account, String container) throws SwiftException {
        List<ObjectPath> objects = new ArrayList<>();
        account.containers().listAllObjects(container, ListingQuery.all()).stream()
                .forEach(o -> objects.add(new ObjectPath(container, o.name())));
        if (!objects.isEmpty()) {
            account.bulkDelete().delete(objects);
        }
    }
}
