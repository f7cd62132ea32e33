package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds request heads for tests: {@code head("GET", "/path", "query", "Name", "value", ...)}. */
final class Requests {

    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final SecretAccessKey SECRET = SecretAccessKey.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Requests() {
    }

    static RequestHead head(String method, String path, String query, String... nameValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.computeIfAbsent(nameValues[i], n -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return new RequestHead(method, path, query, headers);
    }

    static RequestHead withHeader(RequestHead head, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(head.headers());
        headers.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value));
        return new RequestHead(head.method(), head.rawPath(), head.rawQuery(), headers);
    }
}
