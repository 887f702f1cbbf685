// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idx info}: the JSON of spec/cli.md, and one readable line with the right status on bad input. */
class InfoCommandTest {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	@Test
	void jsonDescribesEveryColumnAndNamesTheLineOfEachWarning() throws IOException {
		Path table = write("cells.csv", "id,area,area,gene\n1,10.5,3,ctrl\n2,NA,4,siA\n3,12.25,5,ctrl\n4,11,6,siA\n");
		CliRun run = CliRun.of(List.of("info", table.toString(), "--json"));
		assertEquals(0, run.status(), run.stderr());
		String json = run.stdout();
		assertTrue(json.contains("\"rows\": 4"), json);
		assertTrue(json.contains("\"delimiter\": \",\""), json);
		assertTrue(json.contains("\"decimal\": \".\""), json);
		assertTrue(json.contains("\"name\": \"area.1\""), "a repeated name gets R's suffix: " + json);
		assertTrue(json.replaceAll("\\s", "").contains(
				"{\"name\":\"area\",\"type\":\"numeric\",\"na\":1,\"min\":10.5,\"max\":12.25,\"mean\":11.25}"), json);
		assertTrue(json.replaceAll("\\s", "").contains("\"levels\":[\"ctrl\",\"siA\"]"), json);
		assertTrue(json.matches("(?s).*\"warnings\": \\[\\s*\"[^\"]*cells.csv:1:[^\"]*area[^\"]*\".*"),
				"the warning names file, line and column: " + json);
		assertEquals("", run.stderr());
	}

	@Test
	void textFormIsReadable() throws IOException {
		Path table = write("cells.tsv", "id\tgene\n1\tctrl\n2\tsiA\n");
		CliRun run = CliRun.of(List.of("info", table.toString()));
		assertEquals(0, run.status());
		assertTrue(run.stdout().startsWith("2 rows, 2 columns, delimiter TAB, decimal '.'"), run.stdout());
	}

	@Test
	void badInputAndUsageGiveOneLineAndTheirStatus() throws IOException {
		CliRun missing = CliRun.of(List.of("info", dir.resolve("nope.csv").toString()));
		assertEquals(3, missing.status());
		assertTrue(missing.stderr().contains("nope.csv: no such file"), missing.stderr());
		assertEquals(1, missing.stderr().strip().lines().count(), "one line, no stack trace");

		Path ragged = write("ragged.csv", "a,b\n1,2\n3,4,5\n");
		CliRun tooMany = CliRun.of(List.of("info", ragged.toString(), "--json"));
		assertEquals(3, tooMany.status());
		assertTrue(tooMany.stderr().contains("ragged.csv:3"), "names file and line: " + tooMany.stderr());
		assertEquals("", tooMany.stdout(), "nothing half-read is printed");

		assertEquals(2, CliRun.of(List.of("info")).status());
		assertEquals(2, CliRun.of(List.of("info", "a.csv", "--bogus")).status());
		assertEquals(2, CliRun.of(List.of("frobnicate")).status());
	}
}
