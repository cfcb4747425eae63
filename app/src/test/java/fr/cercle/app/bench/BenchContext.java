package fr.cercle.app.bench;

import fr.cercle.persistence.TestData;
import fr.cercle.app.AppContext;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.sync.SyncService;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.preferences.UserPreferences;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.staff.StaffRepository;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** The application's composition root over the benchmark database, as {@code CercleApp} builds it. */
final class BenchContext {

    private BenchContext() {
    }

    static AppContext of(CercleDatabase db, TaskRunner tasks, Path preferencesDir) {
        StaffMember author = db.localSettings().get(LocalSettings.CURRENT_STAFF).map(StaffId::parse)
                .flatMap(new StaffRepository(db.dsl(), db.writer(), TestData.ALL_ACCESS)::find)
                .orElseThrow(() -> new IllegalStateException("The benchmark database has no current staff member"));
        // No server is configured in the benchmark database: the sync service stays idle.
        SyncService sync = new SyncService(db, tasks, tasks.sibling("cercle-sync"), SyncService.FIRST_DELAY);
        // The structure's coordinator: the whole list, as the figures have always measured it.
        Viewer coordinator = new Viewer("bench", Optional.of(author.id()), Set.of(Role.ADMINISTRATOR, Role.COORDINATOR),
                author.domains());
        return new AppContext(db, tasks, new I18n(Language.FRENCH), UserPreferences.load(preferencesDir), false, author,
                coordinator, sync);
    }
}
