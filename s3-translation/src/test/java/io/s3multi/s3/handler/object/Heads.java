package io.s3multi.s3.handler.object;

import io.s3multi.s3.http.RequestHead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request heads for tests. */
final class Heads {

    private Heads() {
    }

    static RequestHead of(String... headerNamesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.computeIfAbsent(headerNamesAndValues[i], n -> new java.util.ArrayList<>())
                    .add(headerNamesAndValues[i + 1]);
        }
        return new RequestHead("PUT", "/b/k", "", headers);
    }
}
