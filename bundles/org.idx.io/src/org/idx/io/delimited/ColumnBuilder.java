// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.idx.core.Column;
import org.idx.core.ColumnType;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.StringArrayColumn;

/** Joins one column's per-chunk buffers into a table column. */
final class ColumnBuilder {

    private final List<ChunkData> chunks;
    private final int rows;

    ColumnBuilder(List<ChunkData> chunks, int rows) {
        this.chunks = chunks;
        this.rows = rows;
    }

    /** @param integer whether every chunk saw only exact whole numbers */
    Column numeric(String name, int c, boolean integer) {
        double[] values = new double[rows];
        BitSet na = new BitSet();
        int offset = 0;
        boolean anyValue = false;
        for (ChunkData chunk : chunks) {
            if (chunk.rows == 0) {
                continue;
            }
            NumericBuffer buffer = chunk.numbers[c];
            buffer.copyTo(values, offset, chunk.rows);
            int naInChunk = 0;
            if (buffer.na != null) {
                for (int r = buffer.na.nextSetBit(0); r >= 0 && r < chunk.rows; r = buffer.na.nextSetBit(r + 1)) {
                    na.set(offset + r);
                    naInChunk++;
                }
            }
            anyValue |= naInChunk < chunk.rows;
            offset += chunk.rows;
        }
        return DoubleArrayColumn.adopt(name, values, na, integer && anyValue);
    }

    /**
     * @param type {@link ColumnType#CATEGORICAL}, {@link ColumnType#TEXT}, or {@code null} to infer
     * @param maxLevels inference limit (see {@link ReadOptions#maxLevels()})
     */
    Column strings(String name, int c, ColumnType type, int maxLevels) {
        if (type == null) {
            type = inferType(c, maxLevels);
        }
        return type == ColumnType.CATEGORICAL ? categorical(name, c) : text(name, c);
    }

    private ColumnType inferType(int c, int maxLevels) {
        int nonNA = 0;
        Map<String, Boolean> distinct = new HashMap<>();
        for (ChunkData chunk : chunks) {
            if (chunk.rows == 0) {
                continue;
            }
            CodeBuffer buffer = chunk.strings[c];
            if (buffer.pool.size() > maxLevels) {
                return ColumnType.TEXT;
            }
            for (int code = 0; code < buffer.pool.size(); code++) {
                distinct.put(buffer.pool.get(code), Boolean.TRUE);
            }
            for (int r = 0; r < chunk.rows; r++) {
                if (buffer.codes[r] != CodeBuffer.NA) {
                    nonNA++;
                }
            }
        }
        int levels = distinct.size();
        return levels <= maxLevels && 2L * levels <= nonNA ? ColumnType.CATEGORICAL : ColumnType.TEXT;
    }

    private Column categorical(String name, int c) {
        Map<String, Integer> codes = new HashMap<>();
        for (ChunkData chunk : chunks) {
            if (chunk.rows > 0) {
                ByteStringPool pool = chunk.strings[c].pool;
                for (int code = 0; code < pool.size(); code++) {
                    codes.putIfAbsent(pool.get(code), 0);
                }
            }
        }
        List<String> levels = new ArrayList<>(codes.keySet());
        levels.sort(null);
        for (int i = 0; i < levels.size(); i++) {
            codes.put(levels.get(i), i);
        }
        int[] all = new int[rows];
        int offset = 0;
        for (ChunkData chunk : chunks) {
            if (chunk.rows == 0) {
                continue;
            }
            CodeBuffer buffer = chunk.strings[c];
            int[] toGlobal = new int[buffer.pool.size()];
            for (int code = 0; code < toGlobal.length; code++) {
                toGlobal[code] = codes.get(buffer.pool.get(code));
            }
            for (int r = 0; r < chunk.rows; r++) {
                int code = buffer.codes[r];
                all[offset + r] = code == CodeBuffer.NA ? DictionaryColumn.NA_CODE : toGlobal[code];
            }
            offset += chunk.rows;
        }
        return DictionaryColumn.adopt(name, all, levels);
    }

    private Column text(String name, int c) {
        String[] values = new String[rows];
        int offset = 0;
        for (ChunkData chunk : chunks) {
            if (chunk.rows == 0) {
                continue;
            }
            CodeBuffer buffer = chunk.strings[c];
            for (int r = 0; r < chunk.rows; r++) {
                int code = buffer.codes[r];
                values[offset + r] = code == CodeBuffer.NA ? null : buffer.pool.get(code);
            }
            offset += chunk.rows;
        }
        return StringArrayColumn.adopt(name, values);
    }
}
