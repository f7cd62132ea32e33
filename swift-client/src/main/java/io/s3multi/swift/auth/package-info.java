/**
 * Tokens for Swift: where they come from ({@link io.s3multi.swift.auth.TokenSource}: tempauth via
 * {@link io.s3multi.swift.auth.TempAuthTokenSource}, a fixed token via
 * {@link io.s3multi.swift.auth.FixedTokenSource}, Keystone later) and how they are used
 * ({@link io.s3multi.swift.auth.AuthorizedSession}: token on every request, one refresh and one retry on a
 * 401 when the body can be sent again).
 */
package io.s3multi.swift.auth;
