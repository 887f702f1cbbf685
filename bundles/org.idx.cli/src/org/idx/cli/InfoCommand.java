// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.idx.core.roles.ColumnRoleDetector;
import org.idx.io.delimited.DelimitedTableReader;
import org.idx.io.delimited.ReadResult;
import org.idx.io.delimited.TableReadException;
import org.idx.io.info.ColumnInfo;
import org.idx.io.info.TableInfo;

/** {@code idx info TABLE [--json]}: what the reader made of a table. */
record InfoCommand(Path table, boolean json) implements Command {

	static InfoCommand parse(List<String> args) throws CommandException {
		Path table = null;
		boolean json = false;
		for (String arg : args) {
			if (arg.equals("--json")) {
				json = true;
			} else if (arg.startsWith("-")) {
				throw CommandException.usage("unknown option '" + arg + "' for info");
			} else if (table == null) {
				table = Path.of(arg);
			} else {
				throw CommandException.usage("info takes one table, got a second one: '" + arg + "'");
			}
		}
		if (table == null) {
			throw CommandException.usage("info needs a TABLE");
		}
		return new InfoCommand(table, json);
	}

	@Override
	public void execute(PrintStream out) throws CommandException {
		TableInfo info = TableInfo.of(read(table));
		if (json) {
			out.println(info.toJson());
		} else {
			printText(info, out);
		}
	}

	/**
	 * Reads a table, turning reader errors into bad-input failures, and gives its columns the
	 * roles their names suggest (image, anchors, plate, well...), as the workbench does.
	 */
	static ReadResult read(Path table) throws CommandException {
		if (!Files.exists(table)) {
			throw new CommandException(ExitStatus.BAD_INPUT, table + ": no such file");
		}
		try {
			ReadResult result = DelimitedTableReader.read(table);
			result.table().setRoles(ColumnRoleDetector.detect(result.table()).roles());
			return result;
		} catch (TableReadException e) {
			throw new CommandException(ExitStatus.BAD_INPUT, e.getMessage(), e);
		}
	}

	private static void printText(TableInfo info, PrintStream out) {
		out.printf(Locale.ROOT, "%,d rows, %d columns, delimiter %s, decimal '%s'%n", info.rows(), info.columns().size(),
				printable(info.delimiter()), info.decimal());
		int width = info.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
		for (ColumnInfo column : info.columns()) {
			String detail = switch (column.type()) {
				case "numeric" -> String.format(Locale.ROOT, "min %s  max %s  mean %s", number(column.min()),
						number(column.max()), number(column.mean()));
				case "categorical" -> column.levels().size() + " levels: " + preview(column.levels());
				default -> "";
			};
			out.printf(Locale.ROOT, "  %-" + width + "s  %-11s  NA %-8d %s%n", column.name(), column.type(), column.na(),
					detail);
		}
		for (String warning : info.warnings()) {
			out.println("warning: " + warning);
		}
	}

	private static String printable(String delimiter) {
		return delimiter.equals("\t") ? "TAB" : "'" + delimiter + "'";
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.6g", value);
	}

	private static String preview(List<String> levels) {
		List<String> first = levels.subList(0, Math.min(5, levels.size()));
		return String.join(", ", first) + (levels.size() > first.size() ? ", …" : "");
	}
}
