// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.memory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.idx.core.Column;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.DataTableEvent.Kind;
import org.idx.core.DataTableListener;

/**
 * A {@link DataTable} whose columns all live in memory. Readers on any thread see a consistent
 * snapshot of the column list; changes are serialised and announced on the changing thread.
 */
public final class InMemoryDataTable implements DataTable {

    private final int rowCount;
    private final List<DataTableListener> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Column> columns;
    private volatile ColumnRoles roles = ColumnRoles.NONE;

    /**
     * @param rowCount the number of rows
     * @param columns  the initial columns, each with {@code rowCount} rows and a unique name
     * @throws IllegalArgumentException when sizes or names do not fit
     */
    public InMemoryDataTable(int rowCount, List<? extends Column> columns) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("Negative row count");
        }
        this.rowCount = rowCount;
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            checkSize(column);
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column name '" + column.name() + "'");
            }
        }
        this.columns = List.copyOf(columns);
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public void addColumn(Column column) {
        synchronized (this) {
            checkSize(column);
            if (indexOf(column.name()) >= 0) {
                throw new IllegalArgumentException("Column '" + column.name() + "' exists already");
            }
            List<Column> copy = new ArrayList<>(columns);
            copy.add(column);
            columns = List.copyOf(copy);
        }
        fire(Kind.COLUMN_ADDED, column.name());
    }

    @Override
    public void replaceColumn(Column column) {
        synchronized (this) {
            checkSize(column);
            int index = requireIndex(column.name());
            List<Column> copy = new ArrayList<>(columns);
            copy.set(index, column);
            columns = List.copyOf(copy);
        }
        fire(Kind.VALUES_CHANGED, column.name());
    }

    @Override
    public void removeColumn(String name) {
        boolean hadRole;
        synchronized (this) {
            int index = requireIndex(name);
            List<Column> copy = new ArrayList<>(columns);
            copy.remove(index);
            columns = List.copyOf(copy);
            ColumnRoles remaining = roles.withoutColumn(name);
            hadRole = !remaining.equals(roles);
            roles = remaining;
        }
        fire(Kind.COLUMN_REMOVED, name);
        if (hadRole) {
            fire(Kind.ROLES_CHANGED, null);
        }
    }

    @Override
    public ColumnRoles roles() {
        return roles;
    }

    @Override
    public void setRoles(ColumnRoles newRoles) {
        synchronized (this) {
            for (String name : newRoles.asMap().values()) {
                requireIndex(name);
            }
            if (newRoles.equals(roles)) {
                return;
            }
            roles = newRoles;
        }
        fire(Kind.ROLES_CHANGED, null);
    }

    @Override
    public void addListener(DataTableListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(DataTableListener listener) {
        listeners.remove(listener);
    }

    private void fire(Kind kind, String column) {
        DataTableEvent event = new DataTableEvent(this, kind, column);
        for (DataTableListener listener : listeners) {
            listener.tableChanged(event);
        }
    }

    private int indexOf(String name) {
        List<Column> current = columns;
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private int requireIndex(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("No column named '" + name + "'");
        }
        return index;
    }

    private void checkSize(Column column) {
        if (column.size() != rowCount) {
            throw new IllegalArgumentException(
                    "Column '" + column.name() + "' has " + column.size() + " rows, the table " + rowCount);
        }
    }
}
