package io.s3multi.filters.pipeline;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers that the gateway itself owns: they name the gateway's transaction, so no stage copies a
 * backend's value for them.
 */
public final class GatewayHeaders {

    /** Swift's name for the transaction id. */
    public static final String X_TRANS_ID = "X-Trans-Id";

    /** S3's name for the same id; AWS SDKs put it into their exceptions and logs. */
    public static final String X_AMZ_REQUEST_ID = "x-amz-request-id";

    private GatewayHeaders() {
    }

    /** Whether a header of this name belongs to the gateway and must not be copied from a backend. */
    public static boolean isGatewayOwned(String headerName) {
        return X_TRANS_ID.equalsIgnoreCase(headerName) || X_AMZ_REQUEST_ID.equalsIgnoreCase(headerName);
    }

    /** Sets both transaction headers, replacing any earlier value. */
    public static void stamp(HttpServletResponse response, String transId) {
        response.setHeader(X_TRANS_ID, transId);
        response.setHeader(X_AMZ_REQUEST_ID, transId);
    }
}
