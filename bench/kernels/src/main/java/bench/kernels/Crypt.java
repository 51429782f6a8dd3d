package bench.kernels;

import java.util.Random;

/**
 * IDEA-style block cipher: eight rounds of 16-bit multiplication modulo 65537, addition modulo
 * 65536 and exclusive-or over 64-bit blocks, then an output transformation, with a 52-entry
 * {@code int} key schedule for encryption and its inverse for decryption. A {@code size}-byte
 * array is encrypted, then the cipher text is decrypted, and the result must equal the input.
 *
 * <p>Why it is in the set: the Java Grande "crypt" kernel's shape — integer arithmetic with byte
 * array reads and writes and reads of a small shared key array on every round. Threads take
 * contiguous ranges of blocks; each phase (encrypt, decrypt) is one start/join of the workers, so
 * the cipher text written by all threads is ordered before any thread decrypts it.
 *
 * <p>Arguments: {@code size [threads] [repeats]}: the whole encrypt-decrypt cycle runs {@code repeats}
 * times over the same arrays (default 1), so the running time can grow without the arrays.
 */
public final class Crypt {
    private static final int ROUNDS = 8;
    private static final int KEY_LENGTH = 6 * ROUNDS + 4;

    private final byte[] plain;
    private final byte[] encrypted;
    private final byte[] decrypted;
    private final int[] encryptKey;
    private final int[] decryptKey;

    Crypt(int size) {
        int length = size / 8 * 8;
        plain = new byte[length];
        encrypted = new byte[length];
        decrypted = new byte[length];
        Random random = new Random(136506717L);
        random.nextBytes(plain);
        int[] userKey = new int[8];
        for (int i = 0; i < userKey.length; i++) {
            userKey[i] = random.nextInt(65536);
        }
        encryptKey = expandKey(userKey);
        decryptKey = invertKey(encryptKey);
    }

    public static void main(String[] args) throws InterruptedException {
        int size = Args.positive(args, 0, 50_000_000, "size");
        int threads = Args.threads(args);
        int repeats = Args.positive(args, 2, 1, "repeats");
        Crypt crypt = new Crypt(size);
        for (int i = 0; i < repeats; i++) {
            crypt.run(threads);
        }
        if (!java.util.Arrays.equals(crypt.plain, crypt.decrypted)) {
            System.out.println("result crypt MISMATCH: decrypt(encrypt(x)) != x");
            System.exit(1);
        }
        System.out.printf("result crypt %016x%n", crypt.checksum());
    }

    void run(int threads) throws InterruptedException {
        Args.runAll("encrypt", split(threads, plain, encrypted, encryptKey));
        Args.runAll("decrypt", split(threads, encrypted, decrypted, decryptKey));
    }

    private Runnable[] split(int threads, byte[] in, byte[] out, int[] key) {
        int blocks = in.length / 8;
        Runnable[] workers = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) blocks * t / threads) * 8;
            int to = (int) ((long) blocks * (t + 1) / threads) * 8;
            workers[t] = () -> cipher(in, out, key, from, to);
        }
        return workers;
    }

    /** Encrypts or decrypts (depending on the key) the bytes [from, to) of in into out. */
    private static void cipher(byte[] in, byte[] out, int[] key, int from, int to) {
        for (int at = from; at < to; at += 8) {
            int x1 = (in[at] & 0xff) << 8 | (in[at + 1] & 0xff);
            int x2 = (in[at + 2] & 0xff) << 8 | (in[at + 3] & 0xff);
            int x3 = (in[at + 4] & 0xff) << 8 | (in[at + 5] & 0xff);
            int x4 = (in[at + 6] & 0xff) << 8 | (in[at + 7] & 0xff);
            int k = 0;
            for (int round = 0; round < ROUNDS; round++) {
                x1 = multiply(x1, key[k++]);
                x2 = (x2 + key[k++]) & 0xffff;
                x3 = (x3 + key[k++]) & 0xffff;
                x4 = multiply(x4, key[k++]);
                int mixLeft = multiply(x1 ^ x3, key[k++]);
                int mixRight = multiply((mixLeft + (x2 ^ x4)) & 0xffff, key[k++]);
                mixLeft = (mixLeft + mixRight) & 0xffff;
                x1 ^= mixRight;
                x4 ^= mixLeft;
                // The two middle words cross over between rounds.
                int middle = x2 ^ mixLeft;
                x2 = x3 ^ mixRight;
                x3 = middle;
            }
            // Output transformation; it undoes the last crossing of the middle words.
            int y1 = multiply(x1, key[k++]);
            int y2 = (x3 + key[k++]) & 0xffff;
            int y3 = (x2 + key[k++]) & 0xffff;
            int y4 = multiply(x4, key[k]);
            out[at] = (byte) (y1 >>> 8);
            out[at + 1] = (byte) y1;
            out[at + 2] = (byte) (y2 >>> 8);
            out[at + 3] = (byte) y2;
            out[at + 4] = (byte) (y3 >>> 8);
            out[at + 5] = (byte) y3;
            out[at + 6] = (byte) (y4 >>> 8);
            out[at + 7] = (byte) y4;
        }
    }

    /** Multiplication modulo 65537, where the 16-bit value 0 stands for 65536. */
    static int multiply(int a, int b) {
        if (a == 0) {
            return (65537 - b) & 0xffff;
        }
        if (b == 0) {
            return (65537 - a) & 0xffff;
        }
        long product = (long) a * b;
        int low = (int) (product & 0xffff);
        int high = (int) (product >>> 16);
        int result = low - high;
        if (result < 0) {
            result += 65537;
        }
        return result & 0xffff;
    }

    /** Multiplicative inverse modulo 65537 (0 stands for 65536, its own inverse). */
    static int inverse(int a) {
        if (a <= 1) {
            return a;
        }
        // a^(p-2) mod p for the prime p = 65537.
        long result = 1;
        long base = a;
        for (int e = 65535; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = result * base % 65537;
            }
            base = base * base % 65537;
        }
        return (int) result & 0xffff;
    }

    /** 52 subkeys: the 128-bit key cut into eight 16-bit words, rotated left by 25 bits each time. */
    static int[] expandKey(int[] userKey) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = high << 16 | userKey[i];
            low = low << 16 | userKey[i + 4];
        }
        int[] key = new int[KEY_LENGTH];
        for (int k = 0; k < KEY_LENGTH; k++) {
            int word = k % 8;
            long half = word < 4 ? high : low;
            key[k] = (int) (half >>> (48 - 16 * (word % 4))) & 0xffff;
            if (word == 7) {
                long newHigh = high << 25 | low >>> 39;
                long newLow = low << 25 | high >>> 39;
                high = newHigh;
                low = newLow;
            }
        }
        return key;
    }

    /** The decryption schedule: inverses of the encryption subkeys, rounds in reverse order. */
    static int[] invertKey(int[] key) {
        int[] inverse = new int[KEY_LENGTH];
        int k = 0;
        int p = KEY_LENGTH;
        // The last decryption step undoes the first round's key mixing.
        int t1 = inverse(key[k++]);
        int t2 = -key[k++] & 0xffff;
        int t3 = -key[k++] & 0xffff;
        inverse[--p] = inverse(key[k++]);
        inverse[--p] = t3;
        inverse[--p] = t2;
        inverse[--p] = t1;
        for (int round = 1; round < ROUNDS; round++) {
            t1 = key[k++];
            inverse[--p] = key[k++];
            inverse[--p] = t1;
            t1 = inverse(key[k++]);
            t2 = -key[k++] & 0xffff;
            t3 = -key[k++] & 0xffff;
            inverse[--p] = inverse(key[k++]);
            // Inner rounds see the middle words crossed over.
            inverse[--p] = t2;
            inverse[--p] = t3;
            inverse[--p] = t1;
        }
        t1 = key[k++];
        inverse[--p] = key[k++];
        inverse[--p] = t1;
        t1 = inverse(key[k++]);
        t2 = -key[k++] & 0xffff;
        t3 = -key[k++] & 0xffff;
        inverse[--p] = inverse(key[k]);
        inverse[--p] = t3;
        inverse[--p] = t2;
        inverse[--p] = t1;
        return inverse;
    }

    /** FNV-1a over the cipher text, in index order. */
    long checksum() {
        long hash = 0xcbf29ce484222325L;
        for (byte value : encrypted) {
            hash = (hash ^ (value & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
