// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.roles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.ColumnType;
import org.idx.core.DataTable;

/**
 * Guesses column roles from the naming conventions of common image-analysis tools
 * (CellProfiler, MoBIE, ilastik, MorphoLibJ, scikit-image) and from common names ({@code x},
 * {@code image}, {@code well}...). Anchors must be numeric; paths, plates and wells must not be.
 * Each column gets at most one role. The result says what was detected and why, so the
 * configuration page can show it and the user can correct it.
 */
public final class ColumnRoleDetector {

	private static final Set<ColumnRole> NUMERIC_ROLES = EnumSet.of(ColumnRole.ANCHOR_X, ColumnRole.ANCHOR_Y,
			ColumnRole.ANCHOR_Z, ColumnRole.ANCHOR_T);
	private static final Set<ColumnRole> TEXT_ROLES = EnumSet.of(ColumnRole.IMAGE, ColumnRole.MASK_IMAGE,
			ColumnRole.PLATE, ColumnRole.WELL);

	private ColumnRoleDetector() {
	}

	/**
	 * @param table a table
	 * @return the detected roles and, for each, a sentence naming the column and the convention
	 */
	public static DetectedRoles detect(DataTable table) {
		ColumnRoles roles = ColumnRoles.NONE;
		List<String> notes = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (ColumnRole role : ColumnRole.values()) {
			for (NamingConvention convention : NamingConvention.KNOWN) {
				Column match = firstMatch(table, convention.patterns().getOrDefault(role, List.of()), role, taken);
				if (match != null) {
					roles = roles.with(role, match.name());
					taken.add(match.name());
					notes.add("'" + match.name() + "' is the " + describe(role) + " (" + convention.tool() + " naming).");
					break;
				}
			}
		}
		return new DetectedRoles(roles, notes);
	}

	private static Column firstMatch(DataTable table, List<Pattern> patterns, ColumnRole role, Set<String> taken) {
		for (Pattern pattern : patterns) {
			for (Column column : table.columns()) {
				if (!taken.contains(column.name()) && pattern.matcher(column.name()).matches() && fits(column, role)) {
					return column;
				}
			}
		}
		return null;
	}

	private static boolean fits(Column column, ColumnRole role) {
		if (NUMERIC_ROLES.contains(role)) {
			return column.type() == ColumnType.NUMERIC;
		}
		if (TEXT_ROLES.contains(role)) {
			return column.type() != ColumnType.NUMERIC || role == ColumnRole.PLATE;
		}
		return true;
	}

	/** @return the role as the user reads it: "anchor x", "mask image" */
	public static String describe(ColumnRole role) {
		return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}
}
