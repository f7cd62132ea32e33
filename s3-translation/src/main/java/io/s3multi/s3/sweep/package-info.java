/**
 * The orphan sweeper: a {@link io.s3multi.s3.background.BucketJob} that removes, after a grace period, what crashes
 * leave in {@code <bucket>_segments} (see "Left for the sweeper" in {@link io.s3multi.s3.contract}), and nothing
 * else. {@link io.s3multi.s3.sweep.OrphanSweeper} is the entry point; {@link io.s3multi.s3.sweep.UploadVerdict}
 * holds the rules.
 */
package io.s3multi.s3.sweep;
