package io.s3multi.bench;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ContainerEntry;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Removes containers and everything in them, through Swift's bulk delete. The benchmark names every
 * bucket after its run id, so after the S3 clean-up this sweeps whatever a gateway left behind in Swift
 * (segment containers such as {@code b_segments} or {@code b+segments}).
 */
final class SwiftSweeper {

    private SwiftSweeper() {
    }

    /** Every container of the account whose name starts with {@code prefix}. */
    static List<String> containersStartingWith(SwiftAccount account, String prefix) throws SwiftException {
        List<String> names = new ArrayList<>();
        account.containers().listAllContainers(ListingQuery.all().withPrefix(prefix)).stream()
                .map(ContainerEntry::name).forEach(names::add);
        return names;
    }

    static void removeContainers(SwiftAccount account, List<String> containers, Logger log) {
        for (String container : containers) {
            try {
                List<ObjectPath> objects = new ArrayList<>();
                account.containers().listAllObjects(container, ListingQuery.all()).stream()
                        .forEach(o -> objects.add(new ObjectPath(container, o.name())));
                if (!objects.isEmpty()) {
                    account.bulkDelete().delete(objects);
                }
                account.containers().delete(container);
            } catch (SwiftException | RuntimeException e) {
                log.warn("could not remove container {}: {}", container, e.toString());
            }
        }
    }
}
