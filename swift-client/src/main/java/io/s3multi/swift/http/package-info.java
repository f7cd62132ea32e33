/**
 * The transport to one Swift backend: {@link io.s3multi.swift.http.SwiftTransport} sends a
 * {@link io.s3multi.swift.http.SwiftRequest} (with a {@link io.s3multi.swift.http.RequestBody} and
 * optionally an {@link io.s3multi.swift.http.AbortSignal}) and returns a
 * {@link io.s3multi.swift.http.SwiftResponse} whose body is still streaming. It is the only code that
 * touches Jetty's client API, and the place where Jetty's failures become typed exceptions.
 */
package io.s3multi.swift.http;
