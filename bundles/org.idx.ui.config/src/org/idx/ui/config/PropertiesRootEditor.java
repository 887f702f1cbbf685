// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.idx.images.StoreSpec;

/**
 * The editor of a scheme no plug-in contributes an editor for: its properties as {@code name=value}
 * lines. Lines without {@code =} and blank lines are ignored.
 */
public final class PropertiesRootEditor implements RootEditor {

	private Text lines;
	private String scheme;

	@Override
	public Control createControl(Composite parent, String edited, Runnable onCommit) {
		scheme = edited;
		Composite root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		root.setLayout(layout);
		new Label(root, SWT.NONE).setText("Settings of the '" + edited + "' image root, one name=value per line (no secrets):");
		lines = new Text(root, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
		data.heightHint = 60;
		lines.setLayoutData(data);
		lines.addListener(SWT.FocusOut, event -> onCommit.run());
		return root;
	}

	@Override
	public void setSpec(StoreSpec spec) {
		StringBuilder text = new StringBuilder();
		spec.properties().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		lines.setText(text.toString());
	}

	@Override
	public StoreSpec spec() {
		Map<String, String> properties = new TreeMap<>();
		for (String line : lines.getText().split("\\R")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				properties.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
			}
		}
		return new StoreSpec(scheme, properties);
	}
}
