package fr.cercle.persistence.write;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.conf.ParamType;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Inserts many rows in JDBC batches, on the transaction's connection: jOOQ writes the statement from
 * the generated table, and the values are bound with plain JDBC. For the bulk of a first sync, where
 * jOOQ's per-value binding cost as much as H2's own insert (docs/performance.md).
 */
final class BulkInsert {

    private static final int BATCH = 1_000;

    private BulkInsert() {
    }

    /** Inserts the rows, each with one value per column in the order of {@code columns}. */
    static void rows(DSLContext dsl, Table<?> table, List<? extends Field<?>> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = dsl.renderContext().paramType(ParamType.INDEXED)
                .render(dsl.insertInto(table).columns(columns).values(new Object[columns.size()]));
        dsl.connection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Object[] row : rows) {
                    if (row.length != columns.size()) {
                        throw new IllegalArgumentException("A row of " + row.length + " values for "
                                + columns.size() + " columns of " + table.getName());
                    }
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
