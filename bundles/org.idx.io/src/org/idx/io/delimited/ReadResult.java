// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.delimited;

import java.util.List;

import org.idx.core.DataTable;

/**
 * A completely read table with what the reader made of the file.
 *
 * @param table    the table
 * @param dialect  the delimiter and decimal mark used
 * @param warnings the warnings, in line order
 */
public record ReadResult(DataTable table, Dialect dialect, List<ReadWarning> warnings) {

    /** Copies the warnings. */
    public ReadResult {
        warnings = List.copyOf(warnings);
    }
}
