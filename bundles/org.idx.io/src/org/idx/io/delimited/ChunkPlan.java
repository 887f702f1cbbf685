// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.Arrays;
import java.util.List;

/**
 * The division of the data bytes into chunks of a fixed nominal size, and, once checked, each
 * chunk's parse and the line feeds before it. Positions are longs: the file may exceed 2 GB.
 */
final class ChunkPlan {

    private final long dataStart;
    private final long end;
    private final long chunkSize;
    private final ChunkData[] chunks;
    private final long[] feedsBefore;

    private ChunkPlan(long dataStart, long end, long chunkSize, int count) {
        this.dataStart = dataStart;
        this.end = end;
        this.chunkSize = chunkSize;
        this.chunks = new ChunkData[count];
        this.feedsBefore = new long[count];
    }

    static ChunkPlan of(long dataStart, long end, long chunkSize) {
        long count = (end - dataStart + chunkSize - 1) / chunkSize;
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("chunk size too small for the file");
        }
        return new ChunkPlan(dataStart, end, chunkSize, (int) Math.max(0, count));
    }

    int count() {
        return chunks.length;
    }

    long nominalStart(int i) {
        return dataStart + i * chunkSize;
    }

    long nominalEnd(int i) {
        return Math.min(end, nominalStart(i) + chunkSize);
    }

    void set(int i, ChunkData chunk, long linesBefore) {
        chunks[i] = chunk;
        feedsBefore[i] = linesBefore;
    }

    ChunkData chunk(int i) {
        return chunks[i];
    }

    /** @return line feeds in the file before chunk {@code i}'s first record, header included */
    long feedsBefore(int i) {
        return feedsBefore[i];
    }

    List<ChunkData> chunks() {
        return Arrays.asList(chunks);
    }

    long rows() {
        long rows = 0;
        for (ChunkData chunk : chunks) {
            rows += chunk.rows;
        }
        return rows;
    }
}
