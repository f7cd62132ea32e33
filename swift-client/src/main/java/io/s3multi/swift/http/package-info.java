/**
 * The transport to one Swift backend: {@link io.s3multi.swift.http.SwiftTransport} sends a
 * {@link io.s3multi.swift.http.SwiftRequest} (with a {@link io.s3multi.swift.http.RequestBody} and
 * optionally an {@link io.s3multi.swift.http.AbortSignal}) and returns a
 * {@link io.s3multi.swift.http.SwiftResponse} whose body is still streaming. The bytes move on blocking sockets
 * driven by the requesting thread ({@code SocketExchanges}, the default) or on Jetty's asynchronous client
 * ({@code JettyExchanges}); this package is the only code that touches sockets or Jetty's client API for Swift, and
 * the place where their failures become typed exceptions. {@link io.s3multi.swift.http.HttpClientBuilder} also
 * builds the gateway's other Jetty clients (proxy_server, s3token).
 */
package io.s3multi.swift.http;
