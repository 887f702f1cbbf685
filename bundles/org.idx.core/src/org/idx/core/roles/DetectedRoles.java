// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.roles;

import java.util.List;

import org.idx.core.ColumnRoles;

/**
 * What {@link ColumnRoleDetector} found.
 *
 * @param roles the detected role assignment
 * @param notes one sentence per detected role: which column, and by which tool's naming
 */
public record DetectedRoles(ColumnRoles roles, List<String> notes) {

	public DetectedRoles {
		notes = List.copyOf(notes);
	}
}
