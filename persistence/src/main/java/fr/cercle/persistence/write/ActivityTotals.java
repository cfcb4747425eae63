package fr.cercle.persistence.write;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.cercle.persistence.jooq.Tables.CONTRIBUTION;
import static fr.cercle.persistence.jooq.Tables.FILE_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.FILE_MONTH_MINUTES;
import static fr.cercle.persistence.jooq.Tables.HELPER_ACTIVITY;
import static fr.cercle.persistence.jooq.Tables.MONTH_MINUTES;

/**
 * The running totals of the contributions (V19; decision 0014): each file's last contact, its minutes
 * per month, the whole structure's minutes per month, each helper's last contribution. The dashboard
 * and the alerts read them instead of summing two million contributions.
 * <p>
 * They are kept in the transaction that changes the contributions, whatever changes them (a local
 * write, a sync's merge or bulk creation, a record leaving the scope, an erasure): each change notes
 * the files and helpers of the contribution before and after it, and at the end of the transaction
 * ({@link #settle}) their totals are computed again from their contributions, one query per few hundred
 * files over the index by file. Recomputing rather than adding deltas keeps them right whatever the
 * order of a merge, and a contribution moved to another file or a changed date needs no special case;
 * only the structure's monthly total moves by the difference between a file's old and new months.
 * Derived and local: never journaled nor synced.
 */
public final class ActivityTotals {

    private static final int CHUNK = 500;
    /** A contribution's month: its first day (H2; these tables live in the client's database only). */
    private static final Field<LocalDate> MONTH =
            DSL.field("CAST(DATE_TRUNC('MONTH', {0}) AS DATE)", LocalDate.class, CONTRIBUTION.CONTRIBUTED_ON);
    private static final Field<LocalDate> LAST_CONTACT =
            DSL.max(DSL.when(CONTRIBUTION.CONTACT_MADE.isTrue(), CONTRIBUTION.CONTRIBUTED_ON));

    private final DSLContext dsl;
    private final Set<UUID> files = new LinkedHashSet<>();
    private final Set<UUID> helpers = new LinkedHashSet<>();

    ActivityTotals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Notes the file and helper of a record about to change or just changed, if it is a contribution
     * that exists: called before a change (for the old values) and after it (for the new ones).
     */
    void note(EntityTable<?> table, UUID id) {
        if (table != Entities.CONTRIBUTION_TABLE) {
            return;
        }
        var row = dsl.select(CONTRIBUTION.BENEFICIARY_ID, CONTRIBUTION.HELPER_ID).from(CONTRIBUTION)
                .where(CONTRIBUTION.ID.eq(id)).fetchOne();
        if (row != null) {
            note(row.value1(), row.value2());
        }
    }

    /** Notes the file and helper of contributions created in bulk, from their rows' values. */
    void noteRows(EntityTable<?> table, List<? extends Field<?>> columns, List<Object[]> rows) {
        if (table != Entities.CONTRIBUTION_TABLE) {
            return;
        }
        int file = columns.indexOf(CONTRIBUTION.BENEFICIARY_ID);
        int helper = columns.indexOf(CONTRIBUTION.HELPER_ID);
        rows.forEach(row -> note((UUID) row[file], (UUID) row[helper]));
    }

    private void note(UUID file, UUID helper) {
        files.add(file);
        helpers.add(helper);
    }

    /** Computes again the totals of every file and helper noted, and forgets them. */
    void settle() {
        Map<LocalDate, Long> structure = new HashMap<>();
        for (List<UUID> chunk : chunks(files)) {
            monthsOf(chunk).forEach((month, minutes) -> structure.merge(month, -minutes, Long::sum));
            dsl.deleteFrom(FILE_MONTH_MINUTES).where(FILE_MONTH_MINUTES.BENEFICIARY_ID.in(chunk)).execute();
            dsl.insertInto(FILE_MONTH_MINUTES, FILE_MONTH_MINUTES.BENEFICIARY_ID, FILE_MONTH_MINUTES.MONTH_START,
                            FILE_MONTH_MINUTES.MINUTES)
                    .select(DSL.select(CONTRIBUTION.BENEFICIARY_ID, MONTH, DSL.sum(CONTRIBUTION.MINUTES).cast(Long.class))
                            .from(CONTRIBUTION).where(CONTRIBUTION.BENEFICIARY_ID.in(chunk))
                            .groupBy(CONTRIBUTION.BENEFICIARY_ID, MONTH))
                    .execute();
            monthsOf(chunk).forEach((month, minutes) -> structure.merge(month, minutes, Long::sum));
            dsl.deleteFrom(FILE_ACTIVITY).where(FILE_ACTIVITY.BENEFICIARY_ID.in(chunk)).execute();
            dsl.insertInto(FILE_ACTIVITY, FILE_ACTIVITY.BENEFICIARY_ID, FILE_ACTIVITY.LAST_CONTACT_ON)
                    .select(DSL.select(CONTRIBUTION.BENEFICIARY_ID, LAST_CONTACT).from(CONTRIBUTION)
                            .where(CONTRIBUTION.BENEFICIARY_ID.in(chunk)).groupBy(CONTRIBUTION.BENEFICIARY_ID))
                    .execute();
        }
        structure.forEach((month, delta) -> {
            if (delta != 0) {
                dsl.insertInto(MONTH_MINUTES, MONTH_MINUTES.MONTH_START, MONTH_MINUTES.MINUTES).values(month, delta)
                        .onDuplicateKeyUpdate().set(MONTH_MINUTES.MINUTES, MONTH_MINUTES.MINUTES.plus(delta))
                        .execute();
            }
        });
        if (!structure.isEmpty()) {
            dsl.deleteFrom(MONTH_MINUTES).where(MONTH_MINUTES.MINUTES.eq(0L)).execute();
        }
        for (List<UUID> chunk : chunks(helpers)) {
            dsl.deleteFrom(HELPER_ACTIVITY).where(HELPER_ACTIVITY.HELPER_ID.in(chunk)).execute();
            dsl.insertInto(HELPER_ACTIVITY, HELPER_ACTIVITY.HELPER_ID, HELPER_ACTIVITY.LAST_CONTRIBUTION_ON)
                    .select(DSL.select(CONTRIBUTION.HELPER_ID, DSL.max(CONTRIBUTION.CONTRIBUTED_ON)).from(CONTRIBUTION)
                            .where(CONTRIBUTION.HELPER_ID.in(chunk)).groupBy(CONTRIBUTION.HELPER_ID))
                    .execute();
        }
        files.clear();
        helpers.clear();
    }

    /**
     * Computes every total again from the contributions, in one transaction: for a database whose
     * contributions were written in bulk outside the write path (a benchmark's generator).
     */
    public static void rebuild(DSLContext dsl) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.deleteFrom(FILE_MONTH_MINUTES).execute();
            tx.deleteFrom(MONTH_MINUTES).execute();
            tx.deleteFrom(FILE_ACTIVITY).execute();
            tx.deleteFrom(HELPER_ACTIVITY).execute();
            tx.insertInto(FILE_MONTH_MINUTES, FILE_MONTH_MINUTES.BENEFICIARY_ID, FILE_MONTH_MINUTES.MONTH_START,
                            FILE_MONTH_MINUTES.MINUTES)
                    .select(DSL.select(CONTRIBUTION.BENEFICIARY_ID, MONTH, DSL.sum(CONTRIBUTION.MINUTES).cast(Long.class))
                            .from(CONTRIBUTION).groupBy(CONTRIBUTION.BENEFICIARY_ID, MONTH))
                    .execute();
            tx.insertInto(MONTH_MINUTES, MONTH_MINUTES.MONTH_START, MONTH_MINUTES.MINUTES)
                    .select(DSL.select(FILE_MONTH_MINUTES.MONTH_START, DSL.sum(FILE_MONTH_MINUTES.MINUTES).cast(Long.class))
                            .from(FILE_MONTH_MINUTES).groupBy(FILE_MONTH_MINUTES.MONTH_START))
                    .execute();
            tx.insertInto(FILE_ACTIVITY, FILE_ACTIVITY.BENEFICIARY_ID, FILE_ACTIVITY.LAST_CONTACT_ON)
                    .select(DSL.select(CONTRIBUTION.BENEFICIARY_ID, LAST_CONTACT).from(CONTRIBUTION)
                            .groupBy(CONTRIBUTION.BENEFICIARY_ID))
                    .execute();
            tx.insertInto(HELPER_ACTIVITY, HELPER_ACTIVITY.HELPER_ID, HELPER_ACTIVITY.LAST_CONTRIBUTION_ON)
                    .select(DSL.select(CONTRIBUTION.HELPER_ID, DSL.max(CONTRIBUTION.CONTRIBUTED_ON)).from(CONTRIBUTION)
                            .groupBy(CONTRIBUTION.HELPER_ID))
                    .execute();
        });
    }

    private Map<LocalDate, Long> monthsOf(List<UUID> chunk) {
        Map<LocalDate, Long> months = new HashMap<>();
        dsl.select(FILE_MONTH_MINUTES.MONTH_START, DSL.sum(FILE_MONTH_MINUTES.MINUTES)).from(FILE_MONTH_MINUTES)
                .where(FILE_MONTH_MINUTES.BENEFICIARY_ID.in(chunk)).groupBy(FILE_MONTH_MINUTES.MONTH_START)
                .forEach(r -> months.put(r.value1(), r.value2().longValue()));
        return months;
    }

    private static List<List<UUID>> chunks(Set<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
