// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.idx.images.ImageAccessException;

/** One image file directory (one page): its entries, with typed access to their values. */
final class Ifd {

    private static final int MAX_ENTRIES = 4096;
    private static final long MAX_ARRAY = 1 << 24;

    private final TiffInput in;
    private final long offset;
    private final Map<Integer, IfdEntry> entries;
    private final long next;

    private Ifd(TiffInput in, long offset, Map<Integer, IfdEntry> entries, long next) {
        this.in = in;
        this.offset = offset;
        this.entries = entries;
        this.next = next;
    }

    /** Reads the directory at an offset. */
    static Ifd read(TiffInput in, long offset) throws ImageAccessException, TiffFormatException {
        boolean big = in.bigTiff();
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int inlineSize = big ? 8 : 4;
        ByteBuffer c = in.small(offset, countSize);
        long n = big ? c.getLong(0) : c.getShort(0) & 0xFFFF;
        if (n <= 0 || n > MAX_ENTRIES) {
            throw new TiffFormatException("the directory at byte " + offset + " declares " + n + " entries");
        }
        ByteBuffer b = in.small(offset + countSize, (int) n * entrySize + inlineSize);
        Map<Integer, IfdEntry> entries = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int p = i * entrySize;
            int tag = b.getShort(p) & 0xFFFF;
            int type = b.getShort(p + 2) & 0xFFFF;
            long count = big ? b.getLong(p + 4) : b.getInt(p + 4) & 0xFFFFFFFFL;
            int valuePos = p + (big ? 12 : 8);
            int typeSize = IfdEntry.typeSize(type);
            if (typeSize == 0 || count < 0) {
                continue; // unknown field types are skipped, as the specification asks
            }
            long bytes = count * typeSize;
            if (bytes <= inlineSize) {
                byte[] inline = new byte[inlineSize];
                b.get(valuePos, inline);
                entries.put(tag, new IfdEntry(tag, type, count, -1, inline));
            } else {
                long at = big ? b.getLong(valuePos) : b.getInt(valuePos) & 0xFFFFFFFFL;
                entries.put(tag, new IfdEntry(tag, type, count, at, null));
            }
        }
        int nextPos = (int) n * entrySize;
        long next = big ? b.getLong(nextPos) : b.getInt(nextPos) & 0xFFFFFFFFL;
        return new Ifd(in, offset, entries, next);
    }

    long offset() {
        return offset;
    }

    long next() {
        return next;
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** @return the tag's values as unsigned integers (rationals: numerator / denominator truncated) */
    long[] longs(int tag) throws ImageAccessException, TiffFormatException {
        IfdEntry e = entries.get(tag);
        if (e == null) {
            return new long[0];
        }
        if (e.count() > MAX_ARRAY) {
            throw new TiffFormatException("tag " + tag + " declares " + e.count() + " values");
        }
        int n = (int) e.count();
        ByteBuffer b = values(e);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (e.type()) {
                case 1, 7 -> b.get(i) & 0xFF;
                case 6 -> b.get(i);
                case 3 -> b.getShort(2 * i) & 0xFFFF;
                case 8 -> b.getShort(2 * i);
                case 4, 13 -> b.getInt(4 * i) & 0xFFFFFFFFL;
                case 9 -> b.getInt(4 * i);
                case 16, 17, 18 -> b.getLong(8 * i);
                case 11 -> (long) b.getFloat(4 * i);
                case 12 -> (long) b.getDouble(8 * i);
                case 5, 10 -> {
                    long den = b.getInt(8 * i + 4) & 0xFFFFFFFFL;
                    yield den == 0 ? 0 : (b.getInt(8 * i) & 0xFFFFFFFFL) / den;
                }
                default -> throw new TiffFormatException("tag " + tag + " has field type " + e.type() + ", not a number");
            };
        }
        return out;
    }

    /** @return the first value, or the default when the tag is absent */
    long first(int tag, long defaultValue) throws ImageAccessException, TiffFormatException {
        IfdEntry e = entries.get(tag);
        if (e == null || e.count() == 0) {
            return defaultValue;
        }
        if (e.inline() == null && e.count() > 1) {
            IfdEntry one = new IfdEntry(e.tag(), e.type(), 1, e.offset(), null);
            return firstValueAt(one);
        }
        return longs(tag)[0];
    }

    private long firstValueAt(IfdEntry one) throws ImageAccessException, TiffFormatException {
        ByteBuffer b = in.small(one.offset(), one.valueSize());
        return switch (one.type()) {
            case 1, 7 -> b.get(0) & 0xFF;
            case 3 -> b.getShort(0) & 0xFFFF;
            case 4 -> b.getInt(0) & 0xFFFFFFFFL;
            case 16 -> b.getLong(0);
            default -> throw new TiffFormatException("tag " + one.tag() + " has an unexpected field type " + one.type());
        };
    }

    /** @return the first value of a RATIONAL (or other numeric) tag as a double, NaN when absent */
    double rational(int tag) throws ImageAccessException, TiffFormatException {
        IfdEntry e = entries.get(tag);
        if (e == null || e.count() == 0) {
            return Double.NaN;
        }
        if (e.type() == 5 || e.type() == 10) {
            ByteBuffer b = values(new IfdEntry(e.tag(), e.type(), 1, e.offset(), e.inline()));
            long num = b.getInt(0) & 0xFFFFFFFFL;
            long den = b.getInt(4) & 0xFFFFFFFFL;
            return den == 0 ? Double.NaN : (double) num / den;
        }
        return first(tag, 0);
    }

    /** @return an ASCII (or UTF-8) tag's text up to its first NUL, null when absent */
    String text(int tag) throws ImageAccessException, TiffFormatException {
        IfdEntry e = entries.get(tag);
        if (e == null || (e.type() != 2 && e.type() != 7 && e.type() != 1)) {
            return null;
        }
        if (e.count() > MAX_ARRAY) {
            throw new TiffFormatException("tag " + tag + " declares " + e.count() + " characters");
        }
        ByteBuffer b = values(e);
        byte[] bytes = new byte[(int) e.count()];
        b.get(0, bytes);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private ByteBuffer values(IfdEntry e) throws ImageAccessException, TiffFormatException {
        if (e.inline() != null) {
            return ByteBuffer.wrap(e.inline()).order(in.order());
        }
        return in.small(e.offset(), (int) (e.count() * e.valueSize()));
    }
}
