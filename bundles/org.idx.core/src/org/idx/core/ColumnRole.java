// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core;

/** What a column means to IDX beyond its values: where images and objects are. */
public enum ColumnRole {
    /** Path or URI of the image a row belongs to. */
    IMAGE,
    /** Path or URI of the segmentation mask image. */
    MASK_IMAGE,
    /** Object x position in image pixels. */
    ANCHOR_X,
    /** Object y position in image pixels. */
    ANCHOR_Y,
    /** Object z plane. */
    ANCHOR_Z,
    /** Object time point. */
    ANCHOR_T,
    /** Plate identifier. */
    PLATE,
    /** Well identifier, e.g. {@code B07}. */
    WELL,
    /** Grouping (treatment, condition) used for colouring and statistics. */
    GROUP,
    /** Class label (annotations, classifier truth). */
    LABEL
}
