/** Stream and byte helpers that the Swift client and the S3 translation share. */
package io.s3multi.swift.io;
