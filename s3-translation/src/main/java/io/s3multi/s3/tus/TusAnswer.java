package io.s3multi.s3.tus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a tus request is answered: a status and headers (tus answers have no body). */
public final class TusAnswer {

    private final int status;
    private final Map<String, String> headers;

    TusAnswer(int status) {
        this(status, new LinkedHashMap<>());
    }

    private TusAnswer(int status, Map<String, String> headers) {
        this.status = status;
        this.headers = headers;
    }

    /** The same headers, as {@code 202 Accepted}: the request's work goes on after the answer. */
    TusAnswer accepted() {
        return new TusAnswer(202, new LinkedHashMap<>(headers));
    }

    TusAnswer with(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
