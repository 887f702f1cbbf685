// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary of distinct UTF-8 byte strings: gives each distinct value a code and decodes it to a
 * {@link String} once. Open addressing over a power-of-two table; bytes are kept in one arena.
 */
final class ByteStringPool {

    private byte[] arena = new byte[1024];
    private int arenaSize;
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private String[] strings = new String[64];
    private int size;
    private int[] table = new int[128]; // code + 1, 0 = empty

    /** @return the code of the value {@code b[from..to)}, adding it when new */
    int intern(byte[] b, int from, int to) {
        int length = to - from;
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        hash ^= hash >>> 16;
        int mask = table.length - 1;
        for (int slot = hash & mask;; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                int code = add(b, from, length, hash);
                table[slot] = code + 1;
                if (size * 2 > table.length) {
                    rehash();
                }
                return code;
            }
            int code = entry - 1;
            if (hashes[code] == hash && lengths[code] == length
                    && Arrays.equals(arena, offsets[code], offsets[code] + length, b, from, to)) {
                return code;
            }
        }
    }

    /** @return the number of distinct values */
    int size() {
        return size;
    }

    /** @return the value with this code */
    String get(int code) {
        return strings[code];
    }

    private int add(byte[] b, int from, int length, int hash) {
        if (size == offsets.length) {
            int capacity = size * 2;
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            strings = Arrays.copyOf(strings, capacity);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaSize + length, arena.length * 2));
        }
        System.arraycopy(b, from, arena, arenaSize, length);
        offsets[size] = arenaSize;
        lengths[size] = length;
        hashes[size] = hash;
        strings[size] = new String(b, from, length, StandardCharsets.UTF_8);
        arenaSize += length;
        return size++;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = code + 1;
        }
        table = bigger;
    }
}
