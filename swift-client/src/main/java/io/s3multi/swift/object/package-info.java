/** Object requests of one account: {@link io.s3multi.swift.object.SwiftObjects}. */
package io.s3multi.swift.object;
