package org.stdhub.talent.draw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;

/**
 * The deterministic part of a draw: NIST SP 800-90A HMAC_DRBG (SHA-256, Bouncy Castle) instantiated with the
 * revealed seed as entropy input, the inputs hash as nonce and {@value #PERSONALIZATION} as personalization string,
 * then a Fisher–Yates shuffle of the eligible ids (ascending), stopped after {@code count} places: place {@code i}
 * takes the id at a uniform index in {@code [i, n)}. Uniform indexes come from 32-bit big-endian words of the DRBG
 * output with rejection of the biased tail. The same seed and inputs always give the same ordered list.
 */
public final class DrawGenerator {

    /** The algorithm's name and version, part of the published inputs. */
    public static final String ALGORITHM = "HMAC_DRBG-SHA256+FisherYates/v1";

    static final String PERSONALIZATION = "StdHub expert draw";

    private static final int STRENGTH_BITS = 256;

    private final HMacSP800DRBG drbg;
    private final byte[] word = new byte[4];

    private DrawGenerator(byte[] seed, String inputsHash) {
        if (seed.length * 8 < STRENGTH_BITS) {
            throw new IllegalArgumentException("the seed must have at least 256 bits");
        }
        byte[] entropy = seed.clone();
        EntropySource source = new EntropySource() {
            @Override
            public boolean isPredictionResistant() {
                return false;
            }

            @Override
            public byte[] getEntropy() {
                return entropy.clone();
            }

            @Override
            public int entropySize() {
                return entropy.length * 8;
            }
        };
        this.drbg = new HMacSP800DRBG(
                new HMac(new SHA256Digest()),
                STRENGTH_BITS,
                source,
                PERSONALIZATION.getBytes(StandardCharsets.UTF_8),
                inputsHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The first {@code count} places of the shuffled {@code eligible} list. */
    public static List<Long> order(String seedHex, String inputsHash, List<Long> eligible, int count) {
        if (count > eligible.size()) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + eligible.size());
        }
        DrawGenerator g = new DrawGenerator(HexFormat.of().parseHex(seedHex), inputsHash);
        List<Long> ids = new ArrayList<>(eligible);
        for (int i = 0; i < count; i++) {
            int j = i + g.uniform(ids.size() - i);
            Long swap = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, swap);
        }
        return List.copyOf(ids.subList(0, count));
    }

    /** A uniform integer in {@code [0, bound)}. */
    int uniform(int bound) {
        long range = 1L << 32;
        long limit = range - (range % bound);
        while (true) {
            drbg.generate(word, null, false);
            long value = ((word[0] & 0xffL) << 24)
                    | ((word[1] & 0xffL) << 16)
                    | ((word[2] & 0xffL) << 8)
                    | (word[3] & 0xffL);
            if (value < limit) {
                return (int) (value % bound);
            }
        }
    }
}
