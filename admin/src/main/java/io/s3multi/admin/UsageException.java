package io.s3multi.admin;

/** A command line the tool cannot run: the message says why; the tool prints its usage and exits with 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
