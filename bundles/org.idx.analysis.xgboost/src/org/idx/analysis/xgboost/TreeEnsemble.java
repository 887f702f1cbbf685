// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A trained XGBoost tree ensemble evaluated in Java, giving the same results as XGBoost's own CPU
 * prediction: the same class for every row and the same probabilities up to the last float digits of
 * {@code exp}. It is read from XGBoost's JSON model ({@link #parse(byte[], int)}) into flat primitive
 * arrays and evaluates rows in blocks, every tree over the whole block, so that a tree's nodes stay in
 * the cache.
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
 * depth (a shallower leaf becomes splits that always go left, ending in copies of its value), which
 * evaluates without branching on the tree's shape; deeper ensembles are walked node by node. Immutable
 * and safe to use from several threads.
 */
final class TreeEnsemble {

    /** The deepest ensemble laid out as perfect trees (2^depth leaves per tree). */
    static final int PERFECT_DEPTH = 8;

    /** Rows evaluated together, every tree over the block. */
    static final int BLOCK = 256;

    /**
     * Rows whose split keys are evaluated together: their keys ({@code 2 x 4 bytes} per feature)
     * stay in the first-level cache.
     */
    private static final int SUB_BLOCK = 64;

    private final boolean logistic;
    private final int classes;
    private final int groups;
    private final float baseMargin;
    private final int trees;
    private final int[] group;
    /** Depth of the perfect layout, or -1 for the walked layout. */
    private final int depth;
    /**
     * Perfect layout: per internal node {@code 2 * feature + 1} when NaN goes right, else
     * {@code 2 * feature} (see {@link #keys}). Walked layout: per node, its feature.
     */
    private final int[] feature;
    /** Walked layout: per node its split value, in leaves the leaf value. */
    private final float[] threshold;
    /** Perfect layout: per internal node the {@link #key} of its split value. */
    private final int[] thresholdKey;
    /** Perfect layout: per internal node its threshold key (high half) and feature (low half). */
    private final long[] packed;
    /** Walked layout: per node, NaN goes left. */
    private final boolean[] nanDirection;
    private final float[] leaf;
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
        int maxDepth = 0;
        for (Tree tree : list) {
            maxDepth = Math.max(maxDepth, tree.depth(0));
        }
        if (maxDepth <= PERFECT_DEPTH) {
            depth = maxDepth;
            int internal = (1 << depth) - 1;
            feature = new int[trees * internal];
            thresholdKey = new int[trees * internal];
            threshold = null;
            nanDirection = null;
            leaf = new float[trees << depth];
            for (int t = 0; t < trees; t++) {
                lay(list.get(t), 0, t * internal, 0, 0, t << depth);
            }
            packed = new long[feature.length];
            for (int i = 0; i < packed.length; i++) {
                packed[i] = ((long) thresholdKey[i] << 32) | feature[i];
            }
            left = right = root = null;
        } else {
            depth = -1;
            int nodes = 0;
            root = new int[trees];
            for (int t = 0; t < trees; t++) {
                root[t] = nodes;
                nodes += list.get(t).left().length;
            }
            feature = new int[nodes];
            threshold = new float[nodes];
            thresholdKey = null;
            packed = null;
            nanDirection = new boolean[nodes];
            left = new int[nodes];
            right = new int[nodes];
            leaf = null;
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
    private void lay(Tree tree, int node, int internalBase, int position, int level, int leafBase) {
        if (level == depth) {
            leaf[leafBase + position - ((1 << depth) - 1)] = tree.condition()[node];
            return;
        }
        int at = internalBase + position;
        if (tree.left()[node] < 0) {
            // a leaf above the bottom: every value and NaN go left (features are never infinite)
            feature[at] = 0;
            thresholdKey[at] = key(Float.POSITIVE_INFINITY);
            lay(tree, node, internalBase, 2 * position + 1, level + 1, leafBase);
            lay(tree, node, internalBase, 2 * position + 2, level + 1, leafBase);
        } else {
            feature[at] = 2 * tree.feature()[node] + (tree.defaultLeft()[node] ? 0 : 1);
            thresholdKey[at] = key(tree.condition()[node]);
            lay(tree, tree.left()[node], internalBase, 2 * position + 1, level + 1, leafBase);
            lay(tree, tree.right()[node], internalBase, 2 * position + 2, level + 1, leafBase);
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
                values = java.util.Arrays.copyOf(values, 2 * n);
            }
            values[n++] = parser.getIntValue();
        }
        return java.util.Arrays.copyOf(values, n);
    }

    private static float[] floats(JsonParser parser) throws IOException {
        float[] values = new float[64];
        int n = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (!token.isNumeric()) {
                throw new IOException("not an XGBoost JSON model: '" + parser.currentName() + "' holds " + token);
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, 2 * n);
            }
            // XGBoost writes the shortest decimal that reads back as the same float: read it as a float
            // directly (through double it could round twice)
            values[n++] = parseFloat(parser.getText());
        }
        return java.util.Arrays.copyOf(values, n);
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
     * Evaluates rows; call it with at most {@value #BLOCK} rows at a time to keep the margins in the cache.
     *
     * @param x             {@code n x p} features, row-major, NaN for missing, never infinite
     * @param n             rows
     * @param p             features per row (at least the model's)
     * @param probabilities receives {@code n x classes()} class probabilities, row-major, as
     *                      {@link GradientBoosting#predict} returns them
     */
    void predict(float[] x, int n, int p, float[] probabilities) {
        float[] margin = new float[n * groups];
        java.util.Arrays.fill(margin, baseMargin);
        if (depth >= 0) {
            addPerfect(x, n, p, margin);
        } else {
            addWalked(x, n, p, margin);
        }
        if (logistic) {
            for (int i = 0; i < n; i++) {
                float probability = 1.0f / ((float) Math.exp(-margin[i]) + 1.0f);
                probabilities[2 * i] = 1 - probability;
                probabilities[2 * i + 1] = probability;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int at = i * classes;
                float max = margin[at];
                for (int c = 1; c < classes; c++) {
                    max = Math.max(margin[at + c], max);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    float e = (float) Math.exp(margin[at + c] - max);
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

    /**
     * An int that orders as the float does (for floats that are not NaN, with -0 equal to 0), so that
     * splits compare without branches.
     */
    private static int key(float value) {
        int bits = Float.floatToRawIntBits(value + 0.0f); // -0 becomes 0
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    /**
     * @return per row {@code 2p} {@link #key keys}: of feature f at {@code 2f} with NaN as -infinity
     *         (for splits whose missing values go left) and at {@code 2f + 1} with NaN as +infinity
     *         (missing values go right); a split sends a value right when its key is at least the
     *         split value's.
     */
    private static void keys(float[] x, int from, int n, int p, int[] keys) {
        int low = key(Float.NEGATIVE_INFINITY);
        int high = key(Float.POSITIVE_INFINITY);
        for (int i = 0; i < n * p; i++) {
            float value = x[from * p + i];
            boolean missing = value != value;
            keys[2 * i] = missing ? low : key(value);
            keys[2 * i + 1] = missing ? high : key(value);
        }

    }

    private void addPerfect(float[] x, int n, int p, float[] margin) {
        int[] keys = new int[2 * Math.min(n, SUB_BLOCK) * p];
        int[] position = new int[Math.min(n, SUB_BLOCK)];
        for (int from = 0; from < n; from += SUB_BLOCK) {
            int count = Math.min(SUB_BLOCK, n - from);
            keys(x, from, count, p, keys);
            addPerfect(keys, count, p, margin, from * groups, position);
        }
    }

    private void addPerfect(int[] keys, int n, int p, float[] margin, int marginOffset, int[] position) {
        int internal = (1 << depth) - 1;
        int stride = 2 * p;
        for (int t = 0; t < trees; t++) {
            int nodes = t * internal;
            int leaves = (t << depth) - internal;
            int out = marginOffset + group[t];
            if (depth == 0) {
                float value = leaf[t];
                for (int i = 0; i < n; i++) {
                    margin[out + i * groups] += value;
                }
                continue;
            }
            // level by level over all rows: the rows are independent, so their loads overlap.
            // A position is 2 * position + 1 when the split sends the row left (key < split key), + 2 when right.
            long root = packed[nodes];
            int rootFeature = (int) root;
            long rootKey = root >> 32;
            for (int i = 0, row = 0; i < n; i++, row += stride) {
                position[i] = 2 - (int) ((keys[row + rootFeature] - rootKey) >>> 63);
            }
            for (int level = 1; level < depth - 1; level++) {
                for (int i = 0, row = 0; i < n; i++, row += stride) {
                    long split = packed[nodes + position[i]];
                    position[i] = 2 * position[i] + 2 - (int) ((keys[row + (int) split] - (split >> 32)) >>> 63);
                }
            }
            if (depth == 1) {
                for (int i = 0; i < n; i++) {
                    margin[out + i * groups] += leaf[leaves + position[i]];
                }
            } else {
                for (int i = 0, row = 0; i < n; i++, row += stride) {
                    int at = position[i];
                    long split = packed[nodes + at];
                    at = 2 * at + 2 - (int) ((keys[row + (int) split] - (split >> 32)) >>> 63);
                    margin[out + i * groups] += leaf[leaves + at];
                }
            }
        }
    }

    private void addWalked(float[] x, int n, int p, float[] margin) {
        for (int t = 0; t < trees; t++) {
            int start = root[t];
            int g = group[t];
            for (int i = 0; i < n; i++) {
                int row = i * p;
                int node = start;
                while (left[node] >= 0) {
                    float value = x[row + feature[node]];
                    boolean goLeft = value != value ? nanDirection[node] : value < threshold[node];
                    node = goLeft ? left[node] : right[node];
                }
                margin[i * groups + g] += threshold[node];
            }
        }
    }
}
