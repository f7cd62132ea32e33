package io.s3multi.filters.catcherrors;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes transaction ids in Swift's shape: {@code tx}, 21 random hex digits, {@code -}, the start time as 10
 * hex digits of Unix seconds, then the configured suffix, e.g. {@code tx3f9a0c1d2e4b5a6978c1d-00673f1a2b}.
 *
 * <p>The random part makes ids unique without coordination between gateways; the time part lets an operator
 * see roughly when a request ran from the id alone, as Swift operators are used to.
 */
final class TransactionIds {

    private final Clock clock;
    private final String suffix;

    TransactionIds(Clock clock, String suffix) {
        this.clock = clock;
        this.suffix = suffix;
    }

    String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // 84 random bits: 5 hex digits from one long, 16 from another.
        String randomHex = String.format("%05x%016x", random.nextInt(1 << 20), random.nextLong());
        return "tx" + randomHex + "-" + String.format("%010x", clock.instant().getEpochSecond()) + suffix;
    }
}
