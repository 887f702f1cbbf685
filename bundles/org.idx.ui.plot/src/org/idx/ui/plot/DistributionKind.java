// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

/** The charts of the distribution view. */
enum DistributionKind {
	/** Counts of a numeric column per bin, optionally per group (overlaid or stacked). */
	HISTOGRAM("histogram"),
	/** Counts per level of a categorical column. */
	BAR("bar chart"),
	/** Quartiles, whiskers and outliers of a numeric column per group. */
	BOX("box plot");

	private final String label;

	DistributionKind(String label) {
		this.label = label;
	}

	/** @return what the Kind combo shows */
	String label() {
		return label;
	}
}
