// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.idx.images.PlatePath;

/**
 * The plate path setting of the image root: where a screen's OME-Zarr plates lie below it, as a folder
 * ({@code plates}) or a pattern ({@code plates/{plate}.ome.zarr}); empty for the default (the root itself
 * or {@code <plate>}, {@code <plate>.zarr}, {@code <plate>.ome.zarr} below it). A finished edit (Enter,
 * leaving the field) is checked: a valid one is passed on, a bad one is kept in the field with the
 * sentence saying what is wrong under it, and not applied.
 */
final class PlatePathField {

	/** The data key that marks the text field (for tests and tools). */
	static final String TEXT_KEY = "org.idx.ui.config.platePath";
	/** The data key that marks the label with the sentence about a bad setting (for tests and tools). */
	static final String PROBLEM_KEY = "org.idx.ui.config.platePathProblem";

	private final Text text;
	private final Label problem;
	private final Consumer<PlatePath> onCommit;
	private PlatePath shown = PlatePath.DEFAULT;

	/**
	 * @param parent   the parent (with a one-column grid layout)
	 * @param onCommit told a valid plate path when the user finishes an edit that changes it
	 */
	PlatePathField(Composite parent, Consumer<PlatePath> onCommit) {
		this.onCommit = onCommit;
		Composite row = new Composite(parent, SWT.NONE);
		row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout layout = new GridLayout(2, false);
		layout.marginHeight = 0;
		row.setLayout(layout);
		Label label = new Label(row, SWT.NONE);
		label.setText("Plate path:");
		label.setToolTipText("Where the OME-Zarr plates lie below the image root, for tables with plate and well columns");
		text = new Text(row, SWT.BORDER | SWT.SINGLE);
		GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		textData.widthHint = 260;
		text.setLayoutData(textData);
		text.setData(TEXT_KEY, Boolean.TRUE);
		text.setMessage("e.g. plates/{plate}.ome.zarr; empty: <plate>.zarr");
		text.setToolTipText("A folder holding the plate folders (plates), or a pattern in which {plate} stands for the"
				+ " plate column's value (plates/{plate}.ome.zarr). Empty: the image root itself is the plate, or"
				+ " <plate>, <plate>.zarr or <plate>.ome.zarr below it.");
		text.addListener(SWT.DefaultSelection, event -> commit());
		text.addListener(SWT.FocusOut, event -> commit());
		problem = new Label(row, SWT.WRAP);
		problem.setData(PROBLEM_KEY, Boolean.TRUE);
		GridData problemData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		problemData.widthHint = 380;
		problemData.exclude = true;
		problem.setLayoutData(problemData);
		problem.setVisible(false);
	}

	/** @param path the plate path to show (clears any problem shown) */
	void show(PlatePath path) {
		shown = path;
		text.setText(path.text());
		say(null);
	}

	/** @return the plate path in effect: the last valid one shown or committed */
	PlatePath platePath() {
		return shown;
	}

	/** Checks the text as the user left it; passes a valid, changed plate path on. */
	void commit() {
		PlatePath typed;
		try {
			typed = PlatePath.parse(text.getText());
		} catch (IllegalArgumentException e) {
			say(e.getMessage());
			return;
		}
		say(null);
		if (!typed.equals(shown)) {
			shown = typed;
			onCommit.accept(typed);
		}
	}

	private void say(String sentence) {
		problem.setText(sentence == null ? "" : sentence);
		((GridData) problem.getLayoutData()).exclude = sentence == null;
		problem.setVisible(sentence != null);
		problem.getParent().getParent().layout(true, true);
	}
}
