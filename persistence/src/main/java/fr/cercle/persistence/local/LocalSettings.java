package fr.cercle.persistence.local;

import org.jooq.DSLContext;

import java.util.Optional;

import static fr.cercle.persistence.jooq.Tables.LOCAL_SETTING;

/**
 * Values that belong to this device only and never sync: its device id, the staff member chosen
 * as author of changes, later the sync cursors. Written directly, outside the change journal.
 */
public final class LocalSettings {

    public static final String DEVICE_ID = "device.id";
    public static final String CURRENT_STAFF = "staff.current";

    private final DSLContext dsl;

    public LocalSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return dsl.select(LOCAL_SETTING.SETTING_VALUE).from(LOCAL_SETTING)
                .where(LOCAL_SETTING.SETTING_KEY.eq(key))
                .fetchOptional(LOCAL_SETTING.SETTING_VALUE);
    }

    public void put(String key, String value) {
        dsl.mergeInto(LOCAL_SETTING)
                .using(org.jooq.impl.DSL.selectOne())
                .on(LOCAL_SETTING.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate().set(LOCAL_SETTING.SETTING_VALUE, value)
                .whenNotMatchedThenInsert(LOCAL_SETTING.SETTING_KEY, LOCAL_SETTING.SETTING_VALUE).values(key, value)
                .execute();
    }

    /** Removes the settings whose key starts with {@code prefix}, except those named in {@code kept}. */
    public void removeStartingWith(String prefix, java.util.Collection<String> kept) {
        dsl.deleteFrom(LOCAL_SETTING)
                .where(LOCAL_SETTING.SETTING_KEY.startsWith(prefix).and(LOCAL_SETTING.SETTING_KEY.notIn(kept)))
                .execute();
    }
}
