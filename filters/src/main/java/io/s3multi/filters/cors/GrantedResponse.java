package io.s3multi.filters.cors;

import io.s3multi.s3.cors.CorsGrant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response of a request a CORS rule admits: carries the rule's {@code Access-Control-*} headers from the
 * start and sets them again when a later stage resets the response to write an S3 error, so that a browser can
 * read the error too.
 */
final class GrantedResponse extends HttpServletResponseWrapper {

    private final CorsGrant grant;

    GrantedResponse(HttpServletResponse response, CorsGrant grant) {
        super(response);
        this.grant = grant;
        apply();
    }

    @Override
    public void reset() {
        super.reset();
        apply();
    }

    private void apply() {
        grant.headers().forEach(this::setHeader);
    }
}
