/**
 * The {@code s3token} stage: S3 users whose EC2 credentials live in Keystone, verified through Keystone and mapped
 * to Swift accounts {@code <reseller_prefix><project_id>} on a Swift proxy whose auth is Keystone.
 *
 * <h2>Shape</h2>
 * <ul>
 *   <li>{@link io.s3multi.filters.s3token.S3TokenFilter}: the servlet filter, glue on
 *       {@link io.s3multi.filters.auth.AuthStage} (its javadoc: the flow, the settings, and the two trade-offs:
 *       secrets cached for local verification, the gateway acting on Swift as reseller admin);</li>
 *   <li>{@code KeystoneAuthority}: the decisions (region, user, signature, roles, the project's Swift account),
 *       without the servlet part;</li>
 *   <li>{@code KeystoneClient}: {@code /v3/s3tokens} and the EC2 secret read, with the gateway's own token;</li>
 *   <li>{@link io.s3multi.filters.s3token.ServiceLogin} / {@code KeystonePasswordLogin} and
 *       {@code ServiceTokenKeeper}: the gateway's own login, renewed 5 minutes before expiry, the old token kept
 *       while Keystone cannot be reached and it is still valid;</li>
 *   <li>{@code CredentialCache}: verified credentials by access key for {@code cache_ttl};</li>
 *   <li>{@code KeystoneGate}: which keys to ask Keystone about, with the negative cache of unknown and refused
 *       keys ({@code negative_cache_ttl}); {@code KeystoneFlights}: one exchange per key at a time, at most
 *       {@code max_keystone_requests} at once ({@code 503 SlowDown} beyond);</li>
 *   <li>{@code ProjectTokenSource}: swift-client's {@link io.s3multi.swift.auth.TokenSource} for one project's
 *       account;</li>
 *   <li>{@code KeystoneHttp}: bounded JSON requests over Jetty HttpClient, counted.</li>
 * </ul>
 * The Keystone client lives here, not in swift-client: everything it does ({@code s3tokens}, EC2 secrets) serves S3
 * authentication, and only this stage uses it. Its one Swift-facing piece is a {@code TokenSource}, the extension
 * point swift-client already offers.
 *
 * <h2>Why not OpenStack4j for the login</h2>
 * The design allowed OpenStack4j (only for the gateway's own login and catalog, behind an interface). Tried with
 * {@code openstack4j-core} 3.12 and the okhttp connector 3.12: it logs in against the dev Keystone on Java 17
 * (token and catalog read), but the build's enforcer fails {@code dependencyConvergence} on Guava (29.0-jre vs
 * 16.0.1 from json-patch), SnakeYAML (1.33) and jsr305 (2.0.0/2.0.1/3.0.2). Managing the three in the filters
 * module passes there, but every module that depends on filters (webapp) fails again unless the parent pins them
 * too, and the pins force Guava 16/29 and SnakeYAML 1.x users onto 33.x and 2.x, versions OpenStack4j was never
 * built with; it would also bring 14 jars (OkHttp 3, Okio 1, Guava, json-patch, ...) into the WAR for one POST.
 * The login is one {@code POST /v3/auth/tokens} here instead ({@code KeystonePasswordLogin}), behind the same
 * {@link io.s3multi.filters.s3token.ServiceLogin} interface.
 */
package io.s3multi.filters.s3token;
