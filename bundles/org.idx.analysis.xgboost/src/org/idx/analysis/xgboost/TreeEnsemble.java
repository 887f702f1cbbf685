// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A trained XGBoost tree ensemble evaluated in Java, giving the same results as XGBoost's own CPU
 * prediction: the same class for every row and the same probabilities up to the last float digits of
 * {@code exp}. It is read from XGBoost's JSON model ({@link #parse(byte[], int)}) into flat primitive
 * arrays.
 * <p>
 * The semantics are XGBoost's: a NaN feature follows the split's default direction, a value goes left
 * when {@code value < split_condition} (both as float); the margin of a class is the base margin plus
 * the leaf values of its trees, added in float in tree order; {@code binary:logistic} turns the
 * margin into a probability with the sigmoid, {@code multi:softprob} with the softmax (computed as
 * XGBoost does: exponentials in float, their sum in double).
 * <p>
 * Only what this bundle trains is supported: the {@code gbtree} booster with the objectives
 * {@code binary:logistic} and {@code multi:softprob}, numerical splits, one value per leaf. For
 * anything else {@link #parse} says why not and the caller predicts with XGBoost itself.
 * <p>
 * Trees no deeper than {@value #PERFECT_DEPTH} are laid out as perfect binary trees of the ensemble's
 * depth, at least 4 (a shallower leaf becomes splits that always go left, ending in copies of its
 * value) and are evaluated for {@value #LANES} rows at once, one row per bit of a {@code long}:
 * <ol>
 * <li>The distinct split values of each feature, sorted, cut its values into bins. A row's bin (the
 * number of split values at or below its value) says on which side of every split on that feature it
 * goes: right of the {@code j}-th split value exactly when its bin is above {@code j}. So for each
 * feature the rows are sorted into their bins, and one pass over the bins from the top gives, per split
 * value, the bit mask of the rows that go right, with and without the rows whose value is missing (for
 * the two default directions).</li>
 * <li>A tree then needs one mask per split: the rows reaching a node split into those reaching its
 * children with two bit operations, and the rows going right at each level are the bits of the leaf
 * index. These bits are spread into one small number per row ({@link Long#expand}), which picks the
 * row's leaf value.</li>
 * <li>Trees of depth 4 (the usual case) are evaluated with their masks in registers, a few trees of one
 * class at a time, so that a row's margin stays in a register while their leaf values are added (in
 * tree order).</li>
 * </ol>
 * Deeper ensembles are walked node by node, row by row. Immutable and safe to use from several
 * threads; each thread evaluates with its own {@link Evaluation}.
 */
final class TreeEnsemble {

    /** The deepest ensemble laid out as perfect trees (2^depth leaves per tree). */
    static final int PERFECT_DEPTH = 8;

    /** Rows a caller hands to one {@link Evaluation#predict} call at most (a unit of cancel checks). */
    static final int BLOCK = 256;

    /** Rows whose splits are evaluated together, one per bit of a {@code long}. */
    static final int LANES = Long.SIZE;

    /** Trees of depth 4 of one group evaluated together. */
    private static final int BATCH = 4;

    /** The {@link Long#expand} mask spreading 16 bits to the lowest bit of 16 nibbles. */
    private static final long NIBBLES = 0x1111_1111_1111_1111L;

    /** The {@link Long#expand} mask spreading 8 bits to the lowest bit of 8 bytes. */
    private static final long BYTES = 0x0101_0101_0101_0101L;

    private final boolean logistic;
    private final int classes;
    private final int groups;
    private final float baseMargin;
    private final int trees;
    private final int[] group;
    /** The trees ordered by group (class), each group's in tree order, from {@code groupStart[g]}. */
    private final int[] byGroup;
    private final int[] groupStart;
    /** One more than the highest feature index any split uses. */
    private final int features;
    /** Depth of the perfect layout (4 to {@value #PERFECT_DEPTH}), or -1 for the walked layout. */
    private final int depth;

    /**
     * Perfect layout: per internal node (breadth-first, {@code 2^depth - 1} per tree) the entry of its
     * split in an evaluation's mask table: {@code 0} for a split that sends every row left, else
     * {@code entry(f) + 2 * j + 1} for the {@code j}-th split value of feature {@code f} when missing
     * values go right, {@code + 0} when they go left.
     */
    private final int[] split;
    /** Perfect layout: per tree its {@code 2^depth} leaf values, left to right. */
    private final float[] leaf;
    /**
     * Perfect layout: per feature its distinct split values as {@link #key keys}, ascending, padded with
     * {@link Integer#MAX_VALUE} to a power of two larger than their count, starting at {@link #cutStart}.
     */
    private final int[] cuts;
    private final int[] cutStart;
    /** Perfect layout: per feature the number of its distinct split values. */
    private final int[] cutCount;
    /** Perfect layout: per feature half the padded length of its {@link #cuts} (0 if never split on). */
    private final int[] cutHalf;
    /** Perfect layout: per feature its first entry in the mask table. */
    private final int[] entry;
    /** Perfect layout: the length of the mask table (entry 0 is the empty mask). */
    private final int entries;

    /** Walked layout: per node, its feature. */
    private final int[] feature;
    /** Walked layout: per node its split value, in leaves the leaf value. */
    private final float[] threshold;
    /** Walked layout: per node, NaN goes left. */
    private final boolean[] nanDirection;
    /** Walked layout only: per node its children (-1 in leaves) and per tree its root. */
    private final int[] left;
    private final int[] right;
    private final int[] root;

    /**
     * The trees of one model as read from JSON, in tree order.
     */
    private record Tree(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {

        int depth(int node) {
            return left[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
        }
    }

    private TreeEnsemble(boolean logistic, int classes, float baseMargin, List<Tree> list, int[] group) {
        this.logistic = logistic;
        this.classes = classes;
        this.groups = logistic ? 1 : classes;
        this.baseMargin = baseMargin;
        this.trees = list.size();
        this.group = group;
        this.groupStart = new int[groups + 1];
        for (int g : group) {
            groupStart[g + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        this.byGroup = new int[trees];
        int[] next = Arrays.copyOf(groupStart, groups);
        for (int t = 0; t < trees; t++) {
            byGroup[next[group[t]]++] = t;
        }
        int maxDepth = 0;
        int maxFeature = -1;
        for (Tree tree : list) {
            maxDepth = Math.max(maxDepth, tree.depth(0));
            for (int node = 0; node < tree.left().length; node++) {
                if (tree.left()[node] >= 0) {
                    maxFeature = Math.max(maxFeature, tree.feature()[node]);
                }
            }
        }
        this.features = maxFeature + 1;
        if (maxDepth <= PERFECT_DEPTH) {
            depth = Math.max(maxDepth, 4); // shallower ensembles as depth 4, evaluated by addFour
            int internal = (1 << depth) - 1;
            // the perfect trees with each split's feature (-1: always left), value key and default
            int[] splitFeature = new int[trees * internal];
            int[] splitKey = new int[trees * internal];
            boolean[] splitLeft = new boolean[trees * internal];
            leaf = new float[trees << depth];
            for (int t = 0; t < trees; t++) {
                lay(list.get(t), 0, t * internal, 0, 0, t << depth, splitFeature, splitKey, splitLeft);
            }
            // per feature its distinct split values, in order
            int[][] values = new int[features][];
            int[] count = new int[features];
            for (int f = 0; f < features; f++) {
                values[f] = new int[8];
            }
            for (int at = 0; at < splitFeature.length; at++) {
                int f = splitFeature[at];
                if (f >= 0) {
                    if (count[f] == values[f].length) {
                        values[f] = Arrays.copyOf(values[f], 2 * count[f]);
                    }
                    values[f][count[f]++] = splitKey[at];
                }
            }
            cutStart = new int[features];
            cutCount = new int[features];
            cutHalf = new int[features];
            entry = new int[features];
            int length = 0;
            int entryCount = 1;
            for (int f = 0; f < features; f++) {
                int[] distinct = Arrays.stream(values[f], 0, count[f]).sorted().distinct().toArray();
                values[f] = distinct;
                cutStart[f] = length;
                cutCount[f] = distinct.length;
                int padded = distinct.length == 0 ? 0 : Integer.highestOneBit(distinct.length) << 1;
                cutHalf[f] = padded / 2;
                length += padded;
                entry[f] = entryCount;
                entryCount += 2 * distinct.length;
            }
            entries = entryCount;
            cuts = new int[length];
            Arrays.fill(cuts, Integer.MAX_VALUE);
            for (int f = 0; f < features; f++) {
                System.arraycopy(values[f], 0, cuts, cutStart[f], cutCount[f]);
            }
            split = new int[splitFeature.length];
            for (int at = 0; at < split.length; at++) {
                int f = splitFeature[at];
                if (f >= 0) {
                    int j = Arrays.binarySearch(values[f], splitKey[at]);
                    split[at] = entry[f] + 2 * j + (splitLeft[at] ? 0 : 1);
                }
            }
            feature = null;
            threshold = null;
            nanDirection = null;
            left = right = root = null;
        } else {
            depth = -1;
            split = null;
            leaf = null;
            cuts = cutStart = cutCount = cutHalf = entry = null;
            entries = 0;
            int nodes = 0;
            root = new int[trees];
            for (int t = 0; t < trees; t++) {
                root[t] = nodes;
                nodes += list.get(t).left().length;
            }
            feature = new int[nodes];
            threshold = new float[nodes];
            nanDirection = new boolean[nodes];
            left = new int[nodes];
            right = new int[nodes];
            for (int t = 0; t < trees; t++) {
                Tree tree = list.get(t);
                int offset = root[t];
                for (int node = 0; node < tree.left().length; node++) {
                    boolean isLeaf = tree.left()[node] < 0;
                    left[offset + node] = isLeaf ? -1 : offset + tree.left()[node];
                    right[offset + node] = isLeaf ? -1 : offset + tree.right()[node];
                    feature[offset + node] = isLeaf ? 0 : tree.feature()[node];
                    threshold[offset + node] = tree.condition()[node];
                    nanDirection[offset + node] = tree.defaultLeft()[node];
                }
            }
        }
    }

    /**
     * Lays out the subtree of {@code node} at {@code position} (0-based, breadth-first) of a perfect tree.
     *
     * @param level the depth of {@code position}
     */
    private void lay(Tree tree, int node, int internalBase, int position, int level, int leafBase, int[] splitFeature,
            int[] splitKey, boolean[] splitLeft) {
        if (level == depth) {
            leaf[leafBase + position - ((1 << depth) - 1)] = tree.condition()[node];
            return;
        }
        int at = internalBase + position;
        if (tree.left()[node] < 0) {
            // a leaf above the bottom: every value and NaN go left
            splitFeature[at] = -1;
            lay(tree, node, internalBase, 2 * position + 1, level + 1, leafBase, splitFeature, splitKey, splitLeft);
            lay(tree, node, internalBase, 2 * position + 2, level + 1, leafBase, splitFeature, splitKey, splitLeft);
        } else {
            splitFeature[at] = tree.feature()[node];
            splitKey[at] = key(tree.condition()[node]);
            splitLeft[at] = tree.defaultLeft()[node];
            lay(tree, tree.left()[node], internalBase, 2 * position + 1, level + 1, leafBase, splitFeature, splitKey, splitLeft);
            lay(tree, tree.right()[node], internalBase, 2 * position + 2, level + 1, leafBase, splitFeature, splitKey, splitLeft);
        }
    }

    /**
     * Why a model cannot be evaluated in Java.
     */
    static final class UnsupportedModelException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedModelException(String message) {
            super(message);
        }
    }

    /**
     * @param json    an XGBoost model in its JSON format
     * @param classes the number of classes the model was trained for
     * @return the ensemble
     * @throws UnsupportedModelException when the model is not one this class evaluates (saying why)
     * @throws IOException               when the bytes are not an XGBoost JSON model
     */
    static TreeEnsemble parse(byte[] json, int classes) throws UnsupportedModelException, IOException {
        String objective = null;
        String booster = null;
        String baseScore = null;
        List<int[]> lefts = new ArrayList<>();
        List<int[]> rights = new ArrayList<>();
        List<int[]> features = new ArrayList<>();
        List<float[]> conditions = new ArrayList<>();
        List<int[]> defaults = new ArrayList<>();
        int[] treeInfo = null;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = parser.currentName();
                if (name == null) {
                    continue;
                }
                String parent = parser.getParsingContext().getParent() == null ? null
                        : parser.getParsingContext().getParent().getCurrentName();
                if (token == JsonToken.START_ARRAY) {
                    switch (name) {
                    case "left_children" -> lefts.add(ints(parser));
                    case "right_children" -> rights.add(ints(parser));
                    case "split_indices" -> features.add(ints(parser));
                    case "split_conditions" -> conditions.add(floats(parser));
                    case "default_left" -> defaults.add(ints(parser));
                    case "tree_info" -> treeInfo = ints(parser);
                    case "split_type" -> {
                        for (int type : ints(parser)) {
                            if (type != 0) {
                                throw new UnsupportedModelException("the model has categorical splits");
                            }
                        }
                    }
                    default -> {
                        // other arrays are skipped by the loop
                    }
                    }
                } else if (token == JsonToken.VALUE_STRING) {
                    switch (name) {
                    case "name" -> {
                        if ("objective".equals(parent)) {
                            objective = parser.getText();
                        } else if ("gradient_booster".equals(parent)) {
                            booster = parser.getText();
                        }
                    }
                    case "base_score" -> baseScore = parser.getText();
                    case "size_leaf_vector" -> {
                        if (Integer.parseInt(parser.getText()) > 1) {
                            throw new UnsupportedModelException("the model has vector leaves");
                        }
                    }
                    default -> {
                        // other settings do not change the prediction of the supported models
                    }
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException("not an XGBoost JSON model: " + e.getMessage(), e);
        }
        if (!"gbtree".equals(booster)) {
            throw new UnsupportedModelException("the booster is '" + booster + "', not 'gbtree'");
        }
        boolean logistic;
        if ("binary:logistic".equals(objective) && classes == 2) {
            logistic = true;
        } else if ("multi:softprob".equals(objective) && classes > 2) {
            logistic = false;
        } else {
            throw new UnsupportedModelException("the objective is '" + objective + "' with " + classes + " classes");
        }
        if (baseScore == null || treeInfo == null) {
            throw new IOException("not an XGBoost JSON model: no base_score or tree_info");
        }
        int count = lefts.size();
        if (rights.size() != count || features.size() != count || conditions.size() != count || defaults.size() != count
                || treeInfo.length != count) {
            throw new IOException("damaged XGBoost JSON model: the trees' arrays do not match");
        }
        List<Tree> trees = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int n = lefts.get(t).length;
            if (rights.get(t).length != n || features.get(t).length != n || conditions.get(t).length != n
                    || defaults.get(t).length != n || n == 0) {
                throw new IOException("damaged XGBoost JSON model: tree " + t + " has arrays of different lengths");
            }
            boolean[] defaultLeft = new boolean[n];
            for (int node = 0; node < n; node++) {
                defaultLeft[node] = defaults.get(t)[node] != 0;
            }
            trees.add(new Tree(lefts.get(t), rights.get(t), features.get(t), conditions.get(t), defaultLeft));
            if (treeInfo[t] < 0 || treeInfo[t] >= (logistic ? 1 : classes)) {
                throw new IOException("damaged XGBoost JSON model: tree " + t + " belongs to class " + treeInfo[t]);
            }
        }
        float base = parseFloat(baseScore.startsWith("[") ? baseScore.substring(1, baseScore.length() - 1) : baseScore);
        // XGBoost stores the base score as a probability; binary:logistic turns it into a margin
        // (LogisticRegression::ProbToMargin, in float), multi:softprob uses it as it is
        float margin = logistic ? -(float) Math.log(1.0f / base - 1.0f) : base;
        return new TreeEnsemble(logistic, classes, margin, trees, treeInfo);
    }

    private static int[] ints(JsonParser parser) throws IOException {
        int[] values = new int[64];
        int n = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT) {
                throw new IOException("not an XGBoost JSON model: '" + parser.currentName() + "' holds " + token);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = parser.getIntValue();
        }
        return Arrays.copyOf(values, n);
    }

    private static float[] floats(JsonParser parser) throws IOException {
        float[] values = new float[64];
        int n = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (!token.isNumeric()) {
                throw new IOException("not an XGBoost JSON model: '" + parser.currentName() + "' holds " + token);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            // XGBoost writes the shortest decimal that reads back as the same float: read it as a float
            // directly (through double it could round twice)
            values[n++] = parseFloat(parser.getText());
        }
        return Arrays.copyOf(values, n);
    }

    private static float parseFloat(String text) throws IOException {
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IOException("not an XGBoost JSON model: '" + text + "' is not a number", e);
        }
    }

    /** @return the number of classes */
    int classes() {
        return classes;
    }

    /** @return whether the trees are laid out as perfect trees (else walked node by node) */
    boolean perfect() {
        return depth >= 0;
    }

    /** @return the number of trees */
    int trees() {
        return trees;
    }

    /**
     * Evaluates rows with a new {@link Evaluation} (to evaluate many blocks, keep one per thread).
     *
     * @see Evaluation#predict(float[], int, int, float[])
     */
    void predict(float[] x, int n, int p, float[] probabilities) {
        evaluation().predict(x, n, p, probabilities);
    }

    /** @return working memory for one thread's evaluation of this ensemble */
    Evaluation evaluation() {
        return new Evaluation();
    }

    /**
     * An int that orders as the float does (for floats that are not NaN, with -0 equal to 0).
     */
    private static int key(float value) {
        int bits = Float.floatToRawIntBits(value + 0.0f); // -0 becomes 0
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /**
     * The working memory of one thread evaluating the ensemble: create one per thread and use it for
     * every block of rows that thread predicts. Not thread-safe.
     */
    final class Evaluation {

        /** Per split value and default direction, the rows (bits) that go right; entry 0 none. */
        private final long[] masks;
        /** Per lane, the key of its value of one feature. */
        private final int[] keys = new int[LANES];
        /** Per bin of one feature (between two of its split values), the rows in it. */
        private final long[] bins;
        /** Per node of a tree, the rows reaching it. */
        private final long[] reach;
        /** Per level of a tree, the rows going right (the bits of the leaf index). */
        private final long[] indexBits;
        /** Per tree of a batch, its leaf index words ({@link #spreadFour}). */
        private final long[] words = new long[4 * BATCH];
        /** Per group and lane, the margin. */
        private final float[] margin;

        private Evaluation() {
            int maxCuts = 0;
            if (depth >= 0) {
                for (int f = 0; f < features; f++) {
                    maxCuts = Math.max(maxCuts, cutCount[f]);
                }
            }
            masks = new long[Math.max(1, entries)];
            bins = new long[maxCuts + 1];
            reach = new long[Math.max(1, (2 << Math.max(depth, 0)) - 1)];
            indexBits = new long[Math.max(1, depth)];
            margin = new float[groups * LANES];
        }

        /**
         * Evaluates rows.
         *
         * @param x             {@code n x p} features, row-major, NaN for missing, never infinite
         * @param n             rows
         * @param p             features per row (at least the model's)
         * @param probabilities receives {@code n x classes()} class probabilities, row-major, as
         *                      {@link GradientBoosting#predict} returns them
         */
        void predict(float[] x, int n, int p, float[] probabilities) {
            if (p < features) {
                throw new IllegalArgumentException("the model splits on " + features + " features, the rows have " + p);
            }
            for (int from = 0; from < n; from += LANES) {
                int count = Math.min(LANES, n - from);
                Arrays.fill(margin, baseMargin);
                if (depth >= 0) {
                    sort(x, from, count, p);
                    if (depth == 4) {
                        addFour();
                    } else {
                        addPerfect();
                    }
                } else {
                    addWalked(x, from, count, p);
                }
                probabilities(from, count, probabilities);
            }
        }

        /**
         * Fills {@link #masks} for rows {@code from} to {@code from + count - 1} of {@code x}: sorts each
         * feature's rows into the bins between its split values, then collects from the top bin down the
         * rows at or above each split value.
         */
        private void sort(float[] x, int from, int count, int p) {
            int[] keys = this.keys;
            long[] bins = this.bins;
            for (int f = 0; f < features; f++) {
                int m = cutCount[f];
                if (m == 0) {
                    continue;
                }
                long missing = 0;
                for (int i = 0, at = from * p + f; i < count; i++, at += p) {
                    float value = x[at];
                    boolean nan = value != value;
                    keys[i] = nan ? 0 : key(value);
                    missing |= (nan ? 1L : 0L) << i;
                }
                // the number of split values <= each key, by branch-free binary searches, four at once
                // (lanes past count search stale keys: their bits are never read)
                Arrays.fill(bins, 0, m + 1, 0L);
                int base = cutStart[f] - 1;
                int half = cutHalf[f];
                for (int i = 0; i < LANES; i += 4) {
                    int k0 = keys[i];
                    int k1 = keys[i + 1];
                    int k2 = keys[i + 2];
                    int k3 = keys[i + 3];
                    int b0 = 0;
                    int b1 = 0;
                    int b2 = 0;
                    int b3 = 0;
                    for (int step = half; step > 0; step >>= 1) {
                        int at = base + step;
                        b0 += step & (int) (((long) cuts[at + b0] - k0 - 1) >> 63);
                        b1 += step & (int) (((long) cuts[at + b1] - k1 - 1) >> 63);
                        b2 += step & (int) (((long) cuts[at + b2] - k2 - 1) >> 63);
                        b3 += step & (int) (((long) cuts[at + b3] - k3 - 1) >> 63);
                    }
                    bins[b0] |= 1L << i;
                    bins[b1] |= 2L << i;
                    bins[b2] |= 4L << i;
                    bins[b3] |= 8L << i;
                }
                // a missing value was searched as 0: its bits are taken out, and put back for the splits
                // that send missing values right
                long above = 0;
                for (int j = m - 1, e = entry[f] + 2 * j; j >= 0; j--, e -= 2) {
                    above |= bins[j + 1];
                    masks[e] = above & ~missing;
                    masks[e + 1] = above | missing;
                }
            }
        }

        /** Adds every tree's leaf values of the lanes to their margins, in tree order (trees of depth 5 to 8). */
        private void addPerfect() {
            int internal = (1 << depth) - 1;
            for (int t = 0; t < trees; t++) {
                int out = group[t] * LANES;
                int leaves = t << depth;
                int nodes = t * internal;
                reach[0] = -1L;
                for (int level = 0, k = 0; level < depth; level++) {
                    long rightward = 0;
                    for (int end = 2 * k + 1; k < end; k++) {
                        long rows = reach[k];
                        long goRight = rows & masks[split[nodes + k]];
                        rightward |= goRight;
                        reach[2 * k + 1] = rows ^ goRight;
                        reach[2 * k + 2] = goRight;
                    }
                    indexBits[level] = rightward;
                }
                if (depth <= 4) {
                    // a leaf index per nibble, 16 lanes per long
                    for (int w = 0; w < 4; w++) {
                        long index = 0;
                        for (int level = 0; level < depth; level++) {
                            index |= Long.expand(indexBits[level] >>> (16 * w), NIBBLES << (depth - 1 - level));
                        }
                        for (int q = 0, i = out + 16 * w; q < 16; q++, i++) {
                            margin[i] += leaf[leaves + (int) ((index >>> (4 * q)) & 15)];
                        }
                    }
                } else {
                    // a leaf index per byte, 8 lanes per long
                    for (int w = 0; w < 8; w++) {
                        long index = 0;
                        for (int level = 0; level < depth; level++) {
                            index |= Long.expand(indexBits[level] >>> (8 * w), BYTES << (depth - 1 - level));
                        }
                        for (int q = 0, i = out + 8 * w; q < 8; q++, i++) {
                            margin[i] += leaf[leaves + (int) ((index >>> (8 * q)) & 255)];
                        }
                    }
                }
            }
        }

        /**
         * {@link #addPerfect()} for trees of depth 4, group by group, {@value #BATCH} trees of a group
         * at a time: a lane's margin stays in a register while the batch's leaf values are added to it
         * (in tree order, as one after the other).
         */
        private void addFour() {
            long[] words = this.words;
            float[] values = new float[16 * BATCH];
            for (int g = 0; g < groups; g++) {
                int out = g * LANES;
                for (int at = groupStart[g], end = groupStart[g + 1]; at < end; at += BATCH) {
                    int batch = Math.min(BATCH, end - at);
                    for (int b = 0; b < batch; b++) {
                        int t = byGroup[at + b];
                        spreadFour(t, words, 4 * b);
                        System.arraycopy(leaf, t << 4, values, 16 * b, 16);
                    }
                    if (batch == BATCH) {
                        for (int w = 0; w < 4; w++) {
                            long i0 = words[w];
                            long i1 = words[4 + w];
                            long i2 = words[8 + w];
                            long i3 = words[12 + w];
                            for (int q = 0, i = out + 16 * w; q < 64; q += 4, i++) {
                                float sum = margin[i];
                                sum += values[(int) ((i0 >>> q) & 15)];
                                sum += values[16 + (int) ((i1 >>> q) & 15)];
                                sum += values[32 + (int) ((i2 >>> q) & 15)];
                                sum += values[48 + (int) ((i3 >>> q) & 15)];
                                margin[i] = sum;
                            }
                        }
                    } else {
                        for (int b = 0; b < batch; b++) {
                            for (int w = 0; w < 4; w++) {
                                long index = words[4 * b + w];
                                for (int q = 0, i = out + 16 * w; q < 64; q += 4, i++) {
                                    margin[i] += values[16 * b + (int) ((index >>> q) & 15)];
                                }
                            }
                        }
                    }
                }
            }
        }

        /**
         * Evaluates a tree of depth 4 for the lanes: its 15 splits in registers, the rows going right at
         * a level chosen among the level's split masks by the bits of the levels above
         * ({@code a ^ ((a ^ b) & s)} is {@code b} where {@code s} is set, else {@code a}).
         *
         * @param words receives at {@code at} four longs: the leaf index of lanes 16w to 16w + 15 in
         *              the nibbles of {@code words[at + w]}
         */
        private void spreadFour(int t, long[] words, int at) {
            int s = 15 * t;
            long bit0 = masks[split[s]];
            long m1 = masks[split[s + 1]];
            long bit1 = m1 ^ ((m1 ^ masks[split[s + 2]]) & bit0);
            long m3 = masks[split[s + 3]];
            long m5 = masks[split[s + 5]];
            long left2 = m3 ^ ((m3 ^ masks[split[s + 4]]) & bit1);
            long right2 = m5 ^ ((m5 ^ masks[split[s + 6]]) & bit1);
            long bit2 = left2 ^ ((left2 ^ right2) & bit0);
            long m7 = masks[split[s + 7]];
            long m9 = masks[split[s + 9]];
            long m11 = masks[split[s + 11]];
            long m13 = masks[split[s + 13]];
            long c0 = m7 ^ ((m7 ^ masks[split[s + 8]]) & bit2);
            long c1 = m9 ^ ((m9 ^ masks[split[s + 10]]) & bit2);
            long c2 = m11 ^ ((m11 ^ masks[split[s + 12]]) & bit2);
            long c3 = m13 ^ ((m13 ^ masks[split[s + 14]]) & bit2);
            long left3 = c0 ^ ((c0 ^ c1) & bit1);
            long right3 = c2 ^ ((c2 ^ c3) & bit1);
            long bit3 = left3 ^ ((left3 ^ right3) & bit0);
            for (int w = 0; w < 4; w++) {
                int shift = 16 * w;
                words[at + w] = Long.expand(bit0 >>> shift, NIBBLES << 3) | Long.expand(bit1 >>> shift, NIBBLES << 2)
                        | Long.expand(bit2 >>> shift, NIBBLES << 1) | Long.expand(bit3 >>> shift, NIBBLES);
            }
        }

        /** Walks every tree for each of the {@code count} rows from {@code from}, adding to their margins. */
        private void addWalked(float[] x, int from, int count, int p) {
            for (int t = 0; t < trees; t++) {
                int start = root[t];
                int out = group[t] * LANES;
                for (int i = 0; i < count; i++) {
                    int row = (from + i) * p;
                    int node = start;
                    while (left[node] >= 0) {
                        float value = x[row + feature[node]];
                        boolean goLeft = value != value ? nanDirection[node] : value < threshold[node];
                        node = goLeft ? left[node] : right[node];
                    }
                    margin[out + i] += threshold[node];
                }
            }
        }

        /** Turns the margins of the {@code count} lanes into the probabilities of rows {@code from}... */
        private void probabilities(int from, int count, float[] probabilities) {
            if (logistic) {
                for (int i = 0; i < count; i++) {
                    float probability = 1.0f / ((float) Math.exp(-margin[i]) + 1.0f);
                    probabilities[2 * (from + i)] = 1 - probability;
                    probabilities[2 * (from + i) + 1] = probability;
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                int at = (from + i) * classes;
                float max = margin[i];
                for (int c = 1; c < classes; c++) {
                    max = Math.max(margin[c * LANES + i], max);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    float e = (float) Math.exp(margin[c * LANES + i] - max);
                    probabilities[at + c] = e;
                    sum += e;
                }
                float total = (float) sum;
                for (int c = 0; c < classes; c++) {
                    probabilities[at + c] /= total;
                }
            }
        }
    }
}
