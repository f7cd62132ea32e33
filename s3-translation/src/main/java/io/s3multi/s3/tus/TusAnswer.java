package io.s3multi.s3.tus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a tus request is answered: a status and headers (tus answers have no body). */
public final class TusAnswer {

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();

    TusAnswer(int status) {
        this.status = status;
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
