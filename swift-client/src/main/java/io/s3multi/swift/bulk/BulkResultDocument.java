package io.s3multi.swift.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.swift.SwiftNameEncoder;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftProtocolException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON document that Swift's long-running operations answer with: bulk delete, SLO delete with
 * segments, and an SLO manifest PUT with {@code heartbeat=on}.
 *
 * <p>Those operations answer {@code 200} or {@code 202} at once and then keep the connection alive with
 * whitespace while they work, so the HTTP status says nothing about the outcome: the document's
 * {@code "Response Status"} (such as {@code "201 Created"} or {@code "400 Bad Request"}) does, with
 * {@code "Errors"} as {@code [[quoted path, status], ...]} and operation-specific counters.
 */
public final class BulkResultDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode document;
    private final String what;

    private BulkResultDocument(JsonNode document, String what) {
        this.document = document;
        this.what = what;
    }

    /** Reads the document after any leading whitespace heartbeats. */
    public static BulkResultDocument read(InputStream json, String what) throws SwiftException {
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (SwiftException brokenBody) {
            throw brokenBody;
        } catch (IOException unreadable) {
            throw new SwiftProtocolException(what + ": unreadable result document (" + unreadable.getMessage()
                    + ")", unreadable);
        }
        if (document == null || !document.isObject() || !document.hasNonNull("Response Status")) {
            throw new SwiftProtocolException(what + ": the result document has no \"Response Status\"", null);
        }
        return new BulkResultDocument(document, what);
    }

    /** {@code "Response Status"}, such as {@code "200 OK"}. */
    public String responseStatus() {
        return document.get("Response Status").asText();
    }

    /** The numeric part of {@link #responseStatus()}. */
    public int statusCode() throws SwiftProtocolException {
        String status = responseStatus().trim();
        int space = status.indexOf(' ');
        try {
            return Integer.parseInt(space < 0 ? status : status.substring(0, space));
        } catch (NumberFormatException notAStatus) {
            throw new SwiftProtocolException(what + ": \"Response Status\" is not a status: " + status, notAStatus);
        }
    }

    /** {@code "Response Body"}: Swift's explanation when the operation as a whole failed; empty otherwise. */
    public String responseBody() {
        return text("Response Body");
    }

    /** A text field, or an empty string when absent. */
    public String text(String field) {
        JsonNode value = document.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** A numeric field, or 0 when absent. */
    public long number(String field) {
        JsonNode value = document.get(field);
        return value == null ? 0 : value.asLong();
    }

    /** {@code "Errors"}, with the paths decoded. */
    public List<BulkDeleteError> errors() throws SwiftProtocolException {
        List<BulkDeleteError> errors = new ArrayList<>();
        JsonNode list = document.get("Errors");
        if (list == null || list.isNull()) {
            return errors;
        }
        for (JsonNode pair : list) {
            if (!pair.isArray() || pair.size() < 2) {
                throw new SwiftProtocolException(what + ": an entry of \"Errors\" is not [path, status]", null);
            }
            errors.add(new BulkDeleteError(decodeLeniently(pair.get(0).asText()), pair.get(1).asText()));
        }
        return errors;
    }

    /**
     * This document as the result of a delete (bulk, or SLO with segments); throws when the request failed
     * as a whole, that is a non-2xx {@code "Response Status"} without per-path errors.
     *
     * @param response the answer the document came in, for the exception's method, path and headers
     */
    public BulkDeleteResult toDeleteResult(SwiftResponse response) throws SwiftException {
        List<BulkDeleteError> errors = errors();
        int status = statusCode();
        if ((status < 200 || status >= 300) && errors.isEmpty()) {
            throw new SwiftHttpStatusException(response.method(), response.path(), status, response.headers(),
                    responseBody());
        }
        return new BulkDeleteResult(number("Number Deleted"), number("Number Not Found"), errors);
    }

    // Swift quotes these names; a name it could not quote cleanly is still worth reporting as sent.
    private static String decodeLeniently(String quoted) {
        try {
            return SwiftNameEncoder.decode(quoted);
        } catch (IllegalArgumentException notQuoted) {
            return quoted;
        }
    }
}
