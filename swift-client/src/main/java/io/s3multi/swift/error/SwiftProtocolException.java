package io.s3multi.swift.error;

/**
 * Swift answered with a success status but the answer cannot be used: a JSON body that does not parse, or
 * an authentication answer without a token or storage URL. Usually a misconfigured middleware or a proxy
 * in front of Swift that is not Swift.
 */
public class SwiftProtocolException extends SwiftException {

    private static final long serialVersionUID = 1L;

    public SwiftProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
