// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.neighbors;

import java.util.SplittableRandom;

/**
 * A Euclidean random projection tree (as in Dasgupta and Freund 2008, in the form pynndescent
 * uses to start nearest-neighbour descent): a node is split by the hyperplane halfway between two
 * of its points chosen at random, perpendicular to the line through them, until a node holds at
 * most {@code leafSize} points. Points on the hyperplane, and all points of a node whose chosen
 * points coincide, go to a random side. Only the leaves are kept: they group points that are
 * likely to be near each other.
 */
final class RandomProjectionTree {

    /** The points of the leaves, leaf after leaf. */
    final int[] order;
    /** Leaf {@code l} holds {@code order[starts[l] .. starts[l + 1] - 1]}. */
    final int[] starts;

    private RandomProjectionTree(int[] order, int[] starts) {
        this.order = order;
        this.starts = starts;
    }

    /** @return the number of leaves */
    int leaves() {
        return starts.length - 1;
    }

    /**
     * @param data     the points, row-major {@code n x p}
     * @param n        the number of points
     * @param p        the number of coordinates
     * @param leafSize the largest leaf
     * @param random   the random source of this tree
     * @return the tree's leaves
     */
    static RandomProjectionTree build(float[] data, int n, int p, int leafSize, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] stack = new int[128];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n;
        int[] starts = new int[Math.max(4, 2 * n / Math.max(1, leafSize) + 2)];
        int leaves = 0;
        float[] normal = new float[p];
        byte[] side = new byte[n];
        while (top > 0) {
            int end = stack[--top];
            int start = stack[--top];
            if (end - start <= leafSize) {
                if (leaves + 1 >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                }
                starts[leaves++] = start;
                continue;
            }
            int mid = split(data, p, order, start, end, normal, side, random);
            if (top + 4 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = mid;
            stack[top++] = end;
            stack[top++] = start;
            stack[top++] = mid;
        }
        // leaves were found in an order that depends only on the random choices; sort their starts
        int[] sorted = java.util.Arrays.copyOf(starts, leaves + 1);
        sorted[leaves] = n;
        java.util.Arrays.sort(sorted, 0, leaves);
        return new RandomProjectionTree(order, sorted);
    }

    /** Partitions {@code order[start, end)} and returns the first index of the right side. */
    private static int split(float[] data, int p, int[] order, int start, int end, float[] normal, byte[] side,
            SplittableRandom random) {
        int count = end - start;
        int a = order[start + random.nextInt(count)];
        int b = order[start + random.nextInt(count - 1)];
        if (b == a) {
            b = order[end - 1];
        }
        double offset = 0;
        boolean degenerate = true;
        for (int c = 0; c < p; c++) {
            float xa = data[a * p + c];
            float xb = data[b * p + c];
            normal[c] = xa - xb;
            offset -= normal[c] * (xa + xb) / 2.0;
            degenerate &= normal[c] == 0;
        }
        int left = 0;
        for (int s = start; s < end; s++) {
            boolean goesLeft;
            if (degenerate) {
                goesLeft = random.nextBoolean();
            } else {
                int row = order[s] * p;
                double margin = offset;
                for (int c = 0; c < p; c++) {
                    margin += normal[c] * data[row + c];
                }
                goesLeft = margin > 0 || (margin == 0 && random.nextBoolean());
            }
            side[s] = (byte) (goesLeft ? 1 : 0);
            if (goesLeft) {
                left++;
            }
        }
        if (left == 0 || left == count) {
            // all on one side (many equal points): split at random
            left = 0;
            for (int s = start; s < end; s++) {
                boolean goesLeft = random.nextBoolean();
                side[s] = (byte) (goesLeft ? 1 : 0);
                left += goesLeft ? 1 : 0;
            }
            if (left == 0 || left == count) {
                left = count / 2;
                for (int s = start; s < end; s++) {
                    side[s] = (byte) (s - start < left ? 1 : 0);
                }
            }
        }
        // stable partition: left side first
        int[] moved = new int[count - left];
        int l = start;
        int r = 0;
        for (int s = start; s < end; s++) {
            if (side[s] == 1) {
                order[l++] = order[s];
            } else {
                moved[r++] = order[s];
            }
        }
        System.arraycopy(moved, 0, order, l, moved.length);
        return start + left;
    }
}
