package io.s3multi.swift;

import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The dev Swift the integration tests run against: its URL comes from the system property
 * {@code swift.url} (default {@code http://127.0.0.1:8081}), with tempauth user {@code test:tester}.
 * There is no skipping: if it is not there, the tests fail.
 */
final class DevSwift {

    static final String USER = "test:tester";
    static final String KEY = "testing";

    private DevSwift() {
    }

    static URI url() {
        return URI.create(System.getProperty("swift.url", "http://127.0.0.1:8081"));
    }

    static SwiftBackend backend() {
        return SwiftBackend.start(SwiftClientConfig.defaults(url()).withIdleTimeout(Duration.ofSeconds(30)));
    }

    static SwiftAccount account(SwiftBackend backend) {
        return backend.tempAuthAccount(USER, KEY);
    }

    /** A container name no other test run uses. */
    static String uniqueContainer(String purpose) {
        return "swiftclient-it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a container that {@link #deleteContainer} removes again. */
    static String createContainer(SwiftAccount account, String purpose) throws SwiftException {
        String name = uniqueContainer(purpose);
        account.containers().create(name, SwiftHeaders.empty());
        return name;
    }

    /** Every object name in a container, in Swift's order. */
    static List<String> names(SwiftAccount account, String container) {
        return account.containers().listAllObjects(container, ListingQuery.all()).stream()
                .map(ObjectEntry::name).collect(Collectors.toList());
    }

    /** Deletes a container with whatever is in it; a container that is gone already is fine. */
    static void deleteContainer(SwiftAccount account, String container) throws SwiftException {
        try {
            for (String name : names(account, container)) {
                account.objects().delete(container, name, SwiftHeaders.empty());
            }
            account.containers().delete(container);
        } catch (SwiftHttpStatusException gone) {
            if (gone.status() != 404) {
                throw gone;
            }
        }
    }
}
