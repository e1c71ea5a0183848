package com.pkmnapi.accesstokens.control;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter of token digests: whether a digest may be that of a stored token. "No" is
 * certain; "maybe" is wrong for about 1 % of the digests that are not there, as long as no more
 * than {@link #capacity()} have been added (10 bits and 7 probes per digest). The digests are
 * SHA-256 in hexadecimal, already uniform: the probes are seven of their 32-bit words, not hashes
 * of them. Safe for adds and look-ups from many threads at once.
 */
final class DigestFilter {

    private static final int BITS_PER_DIGEST = 10;
    private static final int PROBES = 7;

    private final AtomicLongArray words;
    private final long bits;
    private final int capacity;
    private final AtomicInteger added = new AtomicInteger();

    /** @param capacity how many digests it holds at its 1 % rate */
    DigestFilter(int capacity) {
        this.capacity = Math.max(capacity, 1024);
        this.bits = (long) this.capacity * BITS_PER_DIGEST;
        this.words = new AtomicLongArray((int) ((bits + 63) / 64));
    }

    /**
     * Adds the digest. It counts towards {@link #isFull()} only when it set a bit that was not set:
     * the refresh adds the digests of the last minute again, and a digest added again (or one that
     * was already a "maybe") does not make the filter any less exact.
     */
    void add(String digest) {
        boolean changed = false;
        for (int probe = 0; probe < PROBES; probe++) {
            long bit = bit(digest, probe);
            int word = (int) (bit >>> 6);
            long mask = 1L << (bit & 63);
            long current;
            do {
                current = words.get(word);
                if ((current & mask) != 0) {
                    break;
                }
            } while (!words.compareAndSet(word, current, current | mask));
            changed |= (current & mask) == 0;
        }
        if (changed) {
            added.incrementAndGet();
        }
    }

    boolean mightContain(String digest) {
        for (int probe = 0; probe < PROBES; probe++) {
            long bit = bit(digest, probe);
            if ((words.get((int) (bit >>> 6)) & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether more have been added than it holds at its rate. */
    boolean isFull() {
        return added.get() > capacity;
    }

    int capacity() {
        return capacity;
    }

    /** The probe's bit: the digest's 32-bit word of that number, as an unsigned number, modulo the bits. */
    private long bit(String digest, int probe) {
        return Long.parseUnsignedLong(digest, probe * 8, probe * 8 + 8, 16) % bits;
    }
}
