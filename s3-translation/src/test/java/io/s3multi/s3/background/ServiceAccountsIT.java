package io.s3multi.s3.background;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service identity reaches another account of the dev Swift: what it writes there, the owner reads. */
class ServiceAccountsIT {

    private static SwiftBackend backend;

    @BeforeAll
    static void start() {
        backend = DevService.backend();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void writesInTheTestersAccountWhatTheTesterReads() throws Exception {
        SwiftAccount asService = DevService.accounts(backend).forAccount("AUTH_test");
        SwiftAccount asTester = backend.tempAuthAccount("test:tester", "testing");
        String container = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(URI.create(DevService.SWIFT_URL + "/v1/AUTH_test"), asService.storageUrl());
        asService.containers().create(container, SwiftHeaders.empty());
        try {
            asService.objects().put(container, "note", "from the service".getBytes(StandardCharsets.UTF_8),
                    SwiftHeaders.empty());
            try (SwiftResponse read = asTester.objects().get(container, "note", SwiftHeaders.empty()).orThrow()) {
                assertEquals("from the service", new String(read.body().readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            asTester.objects().delete(container, "note", SwiftHeaders.empty());
            asTester.containers().delete(container);
        }
    }
}
