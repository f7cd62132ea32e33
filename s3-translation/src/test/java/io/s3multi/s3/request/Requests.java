package io.s3multi.s3.request;

import io.s3multi.s3.http.RequestHead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds request heads for tests. */
final class Requests {

    private Requests() {
    }

    static RequestHead head(String method, String rawPath, String rawQuery, String... headerNamesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            headers.put(headerNamesAndValues[i], List.of(headerNamesAndValues[i + 1]));
        }
        return new RequestHead(method, rawPath, rawQuery, headers);
    }

    static S3Request parse(String method, String rawPath, String rawQuery, String... headers) {
        return new S3RequestParser().parse(head(method, rawPath, rawQuery, headers));
    }
}
