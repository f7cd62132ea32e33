/**
 * Work the gateway does off the request path, bucket by bucket: running lifecycle rules, sweeping what crashes
 * left behind. A {@link io.s3multi.s3.background.BucketJob} says what to do with one bucket; the worker that
 * schedules jobs, holds one lease per bucket and job in Swift (so that of several gateways exactly one works a
 * bucket at a time), paces their Swift requests and keeps their checkpoints lives here too. The admin tool runs the
 * same jobs on demand.
 */
package io.s3multi.s3.background;
