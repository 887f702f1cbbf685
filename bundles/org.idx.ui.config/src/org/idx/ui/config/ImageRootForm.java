// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.idx.images.ImageAccessException;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;

/**
 * Where the images live: the kind of image root (every installed store scheme), that kind's fields
 * (a {@link RootEditor}), and Test connection, which asks the store in a background job and shows its
 * one-sentence answer in place.
 */
final class ImageRootForm {

	private final RootKinds kinds;
	private final StoreRegistry stores;
	private final Consumer<StoreSpec> onCommit;
	private final List<String> schemes = new ArrayList<>();
	private final Combo kind;
	private final Composite editorHolder;
	private final Label result;
	private RootEditor editor;
	private Control editorControl;
	private String scheme;

	/**
	 * @param parent   the parent; the form adds a composite to it
	 * @param kinds    the kinds of image root
	 * @param stores   the stores, for Test connection
	 * @param onCommit told the new spec when the user finishes a change
	 */
	ImageRootForm(Composite parent, RootKinds kinds, StoreRegistry stores, Consumer<StoreSpec> onCommit) {
		this.kinds = kinds;
		this.stores = stores;
		this.onCommit = onCommit;
		Composite root = new Composite(parent, SWT.NONE);
		root.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		root.setLayout(new GridLayout(2, false));
		new Label(root, SWT.NONE).setText("Kind:");
		kind = new Combo(root, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (Map.Entry<String, String> entry : kinds.names().entrySet()) {
			schemes.add(entry.getKey());
			kind.add(entry.getValue() + " (" + entry.getKey() + ")");
		}
		kind.addListener(SWT.Selection, event -> {
			String chosen = schemes.get(kind.getSelectionIndex());
			if (!chosen.equals(scheme)) {
				showEditor(new StoreSpec(chosen, Map.of()));
				result().setText("");
			}
		});
		editorHolder = new Composite(root, SWT.NONE);
		GridData holderData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		editorHolder.setLayoutData(holderData);
		GridLayout holderLayout = new GridLayout(1, false);
		holderLayout.marginWidth = 0;
		editorHolder.setLayout(holderLayout);
		Button test = new Button(root, SWT.PUSH);
		test.setText("Test connection");
		test.addListener(SWT.Selection, event -> testConnection());
		result = new Label(root, SWT.WRAP);
		result.setData("org.idx.ui.config.testResult", Boolean.TRUE);
		GridData resultData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		resultData.widthHint = 300;
		result.setLayoutData(resultData);
	}

	/** @param spec the spec to show (switches the kind and its fields) */
	void show(StoreSpec spec) {
		if (!schemes.contains(spec.scheme())) {
			schemes.add(spec.scheme());
			kind.add(spec.scheme() + " (not installed)");
		}
		kind.select(schemes.indexOf(spec.scheme()));
		showEditor(spec);
	}

	private void showEditor(StoreSpec spec) {
		if (!spec.scheme().equals(scheme)) {
			if (editorControl != null) {
				editorControl.dispose();
			}
			scheme = spec.scheme();
			editor = kinds.editor(scheme);
			editorControl = editor.createControl(editorHolder, scheme, () -> onCommit.accept(spec()));
			editorControl.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			editorHolder.getParent().getParent().layout(true, true);
		}
		editor.setSpec(spec);
	}

	/** @return the spec the fields describe */
	StoreSpec spec() {
		return editor.spec();
	}

	/** Runs {@link StoreRegistry#test(StoreSpec)} in a job and shows its sentence. */
	void testConnection() {
		StoreSpec spec = spec();
		result.setText("Testing…");
		Job.create("Testing the image root", monitor -> {
			String sentence;
			try {
				sentence = stores.test(spec);
			} catch (ImageAccessException e) {
				sentence = e.getMessage();
			}
			String shown = sentence;
			if (!result.isDisposed()) {
				result.getDisplay().asyncExec(() -> {
					if (!result.isDisposed()) {
						result.setText(shown);
						result.getParent().layout();
					}
				});
			}
			return Status.OK_STATUS;
		}).schedule();
	}

	/** @return the label that shows the result of Test connection (for tests) */
	Label result() {
		return result;
	}
}
