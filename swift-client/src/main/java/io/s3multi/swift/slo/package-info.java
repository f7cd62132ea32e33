/**
 * Static Large Objects: manifest PUT, GET and delete-with-segments
 * ({@link io.s3multi.swift.slo.SwiftLargeObjects}) and the manifest JSON shapes.
 */
package io.s3multi.swift.slo;
