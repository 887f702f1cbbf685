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
    /**
     * Field (site) of a well: a 0-based index into the well's images in an OME-Zarr HCS plate
     * (1-based values are recognised when no row has 0), e.g. {@code Metadata_Field}.
     */
    FIELD,
    /** Grouping (treatment, condition) used for colouring and statistics. */
    GROUP,
    /** Class label (annotations, classifier truth). */
    LABEL
}
