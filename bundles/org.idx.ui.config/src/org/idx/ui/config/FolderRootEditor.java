// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.idx.images.StoreSpec;

/** The built-in editor of the {@code file} scheme: a folder field and Browse.... */
public final class FolderRootEditor implements RootEditor {

	private Text folder;
	private String scheme = StoreSpec.FILE;

	@Override
	public Control createControl(Composite parent, String edited, Runnable onCommit) {
		scheme = edited;
		Composite root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		root.setLayout(layout);
		new Label(root, SWT.NONE).setText("Folder:");
		folder = new Text(root, SWT.BORDER | SWT.SINGLE);
		GridData folderData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		folderData.widthHint = 300;
		folder.setLayoutData(folderData);
		folder.setMessage("the folder image paths are relative to");
		folder.addListener(SWT.DefaultSelection, event -> onCommit.run());
		folder.addListener(SWT.FocusOut, event -> onCommit.run());
		Button browse = new Button(root, SWT.PUSH);
		browse.setText("Browse...");
		browse.addListener(SWT.Selection, event -> {
			DirectoryDialog dialog = new DirectoryDialog(root.getShell());
			dialog.setText("Image root");
			dialog.setMessage("The folder the image paths of the table are relative to");
			dialog.setFilterPath(folder.getText());
			String chosen = dialog.open();
			if (chosen != null) {
				folder.setText(chosen);
				onCommit.run();
			}
		});
		return root;
	}

	@Override
	public void setSpec(StoreSpec spec) {
		String path = spec.property(StoreSpec.PATH);
		folder.setText(path == null ? "" : path);
	}

	@Override
	public StoreSpec spec() {
		return new StoreSpec(scheme, Map.of(StoreSpec.PATH, folder.getText().trim()));
	}
}
