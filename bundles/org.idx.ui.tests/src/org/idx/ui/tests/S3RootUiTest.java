// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.idx.images.StoreSpec;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3Location;
import org.idx.images.testing.S3ProxyServer;
import org.idx.ui.config.ConfigurationPage;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.s3.S3RootEditor;
import org.idx.ui.s3.S3SecureStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code s3} image root on the Configuration page against a real S3 server (S3Proxy on 127.0.0.1):
 * keys go to secure storage, Test connection names the masked key on a 403 and succeeds with the right
 * secret, and the saved configuration holds no key.
 */
class S3RootUiTest {

	private static final String BUCKET = "screen";

	@TempDir
	Path folder;

	private S3Location location;

	@AfterEach
	void cleanUp() throws Exception {
		page().closeAllEditors(false);
		if (location != null) {
			S3SecureStorage.getDefault().remove(location);
		}
	}

	private static Control pageControl(DatasetEditor editor) {
		Control found = WidgetTree.find(page().getWorkbenchWindow().getShell(), ScrolledComposite.class,
				c -> c.getData(ConfigurationPage.DATA_KEY) instanceof ConfigurationPage p && p.dataset() == editor.dataset());
		assertNotNull(found, "the dataset editor has a Configuration page");
		return found;
	}

	private static Text field(Control root, String name) {
		Text text = WidgetTree.find(root, Text.class, t -> name.equals(t.getData(S3RootEditor.FIELD)));
		assertNotNull(text, "a field for " + name);
		return text;
	}

	private static void type(Control root, String name, String value) {
		Text text = field(root, name);
		text.setText(value);
		text.notifyListeners(SWT.DefaultSelection, new Event());
	}

	private static String testConnection(Control root, Label result, String expectedStart) {
		result.setText("");
		Button test = WidgetTree.find(root, Button.class, b -> "Test connection".equals(b.getText()));
		test.notifyListeners(SWT.Selection, new Event());
		spinUntil(() -> result.getText().startsWith(expectedStart), "the test answers: " + result.getText());
		return result.getText();
	}

	@Test
	void keysGoToSecureStorageTestConnectionExplainsA403AndTheSavedFileHasNoSecret() throws Exception {
		try (S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(folder.resolve("s3")), false)) {
			server.put(BUCKET, Map.of("plate1/a.png", new byte[] { 1, 2, 3 }));
			Path table = folder.resolve("cells.csv");
			Files.writeString(table, "picture,px,py\nplate1/a.png,1,2\nplate1/a.png,3,4\n");
			DatasetEditor editor = openAndWait(table);
			Control root = pageControl(editor);

			Combo kind = WidgetTree.find(root, Combo.class, c -> List.of(c.getItems()).stream().anyMatch(i -> i.endsWith("(s3)")));
			assertNotNull(kind, "the s3 kind is offered");
			int index = List.of(kind.getItems()).indexOf("S3-compatible object store (s3)");
			assertTrue(index >= 0, List.of(kind.getItems()).toString());
			kind.select(index);
			kind.notifyListeners(SWT.Selection, new Event());

			type(root, S3Location.ENDPOINT, server.endpoint().toString());
			type(root, S3Location.BUCKET, BUCKET);
			type(root, S3Location.PREFIX, "plate1");
			Button pathStyle = WidgetTree.find(root, Button.class, b -> S3Location.PATH_STYLE.equals(b.getData(S3RootEditor.FIELD)));
			pathStyle.setSelection(true);
			pathStyle.notifyListeners(SWT.Selection, new Event());
			location = S3Location.of(editor.dataset().images().spec());
			Label stored = WidgetTree.find(root, Label.class, l -> S3RootEditor.STORED_FIELD.equals(l.getData(S3RootEditor.FIELD)));
			assertEquals("No keys stored for this bucket: the AWS profile and environment are used.", stored.getText());

			field(root, S3RootEditor.KEY_ID_FIELD).setText(S3ProxyServer.KEY_ID);
			assertTrue((field(root, S3RootEditor.SECRET_FIELD).getStyle() & SWT.PASSWORD) != 0, "the secret is masked");
			field(root, S3RootEditor.SECRET_FIELD).setText("not-the-secret");
			Label result = WidgetTree.find(root, Label.class, l -> l.getData("org.idx.ui.config.testResult") != null);
			String denied = testConnection(root, result, "Access");
			assertTrue(denied.startsWith("Access to bucket 'screen' at " + server.endpoint() + " is denied for access key AKIA****WXYZ (HTTP 403"),
					denied);
			assertTrue(denied.endsWith("): check the key id, the secret and the bucket's permissions."), denied);
			assertEquals("", field(root, S3RootEditor.SECRET_FIELD).getText(), "the typed secret left the field");
			assertEquals("Secure storage holds key AKIA****WXYZ for this bucket.", stored.getText());

			field(root, S3RootEditor.KEY_ID_FIELD).setText(S3ProxyServer.KEY_ID);
			field(root, S3RootEditor.SECRET_FIELD).setText(S3ProxyServer.SECRET);
			String ok = testConnection(root, result, "Bucket");
			assertEquals("Bucket 'screen' at " + server.endpoint()
					+ " is readable with access key AKIA****WXYZ; prefix 'plate1/' holds objects.", ok);
			assertEquals(Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)),
					S3SecureStorage.getDefault().find(location), "the keys are in secure storage");

			StoreSpec spec = editor.dataset().images().spec();
			assertEquals(Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET, BUCKET,
					S3Location.PREFIX, "plate1", S3Location.PATH_STYLE, "true"), spec.properties(), "the spec has no key");
			Path saved = folder.resolve("cells.csv.idx-config.json");
			ConfigurationPage page = (ConfigurationPage) root.getData(ConfigurationPage.DATA_KEY);
			assertTrue(page.save(saved), page.status());
			String written = Files.readString(saved);
			assertTrue(written.contains("\"bucket\""), written);
			assertFalse(written.contains(S3ProxyServer.SECRET), written);
			assertFalse(written.contains("not-the-secret"), written);
			assertFalse(written.contains(S3ProxyServer.KEY_ID), written);

			page().getWorkbenchWindow().getShell().setSize(1280, 800);
			showPage(root);
			page().setPartState(page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
			Screenshots.take(page().getWorkbenchWindow().getShell(), "configuration-s3.png");
			page().setPartState(page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
		}
	}

	private static void showPage(Control root) {
		Control child = root;
		while (!(child.getParent() instanceof CTabFolder)) {
			child = child.getParent();
		}
		CTabFolder tabs = (CTabFolder) child.getParent();
		for (CTabItem item : tabs.getItems()) {
			if (item.getControl() == child) {
				tabs.setSelection(item);
				Event event = new Event();
				event.item = item;
				tabs.notifyListeners(SWT.Selection, event);
			}
		}
	}
}
