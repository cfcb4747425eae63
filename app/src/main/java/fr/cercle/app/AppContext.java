package fr.cercle.app;

import fr.cercle.app.access.Session;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.preferences.UserPreferences;
import fr.cercle.app.sync.SyncService;
import fr.cercle.app.task.TaskRunner;
import fr.cercle.app.ui.FilePicker;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Subject;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.CercleDatabase;
import fr.cercle.persistence.beneficiary.BeneficiaryRepository;
import fr.cercle.persistence.circle.CircleRepository;
import fr.cercle.persistence.commune.CommuneRepository;
import fr.cercle.persistence.contribution.ContributionRepository;
import fr.cercle.persistence.heatwave.HeatwaveRepository;
import fr.cercle.persistence.helper.HelperRepository;
import fr.cercle.persistence.installation.InstallationRepository;
import fr.cercle.persistence.local.AccountRepository;
import fr.cercle.persistence.local.LocalSettings;
import fr.cercle.persistence.need.NeedRepository;
import fr.cercle.persistence.staff.StaffRepository;
import fr.cercle.persistence.write.ConflictRepository;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The composition root: the opened database, its repositories, the task runner, the sync and the
 * words of the interface, built once and passed to each screen through its constructor. No global
 * state.
 */
public final class AppContext {

    private final CercleDatabase db;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final UserPreferences preferences;
    private final boolean demo;
    private final ObjectProperty<StaffMember> currentStaff;
    private final ObjectProperty<Viewer> viewer;
    private final SyncService sync;
    private final FilePicker files;
    private final Session session;

    /**
     * @param currentStaff the staff member the signed-in account acts as, in whose name changes are
     *                     recorded (none before the welcome, or for an evaluator)
     * @param viewer       who the signed-in account is to the need-to-know rules
     */
    public AppContext(CercleDatabase db, TaskRunner tasks, I18n i18n, UserPreferences preferences, boolean demo,
                      StaffMember currentStaff, Viewer viewer, SyncService sync) {
        this(db, tasks, i18n, preferences, demo, new SimpleObjectProperty<>(currentStaff),
                new SimpleObjectProperty<>(Objects.requireNonNull(viewer, "viewer")), sync, FilePicker.system(), null);
    }

    private AppContext(CercleDatabase db, TaskRunner tasks, I18n i18n, UserPreferences preferences, boolean demo,
                       ObjectProperty<StaffMember> currentStaff, ObjectProperty<Viewer> viewer, SyncService sync,
                       FilePicker files, Session session) {
        this.db = db;
        this.tasks = tasks;
        this.i18n = i18n;
        this.preferences = preferences;
        this.demo = demo;
        this.currentStaff = currentStaff;
        this.viewer = viewer;
        this.sync = sync;
        this.files = files;
        this.session = session;
    }

    /** The same context speaking another language (the interface is rebuilt with it). */
    public AppContext withI18n(I18n other) {
        return new AppContext(db, tasks, other, preferences, demo, currentStaff, viewer, sync, files, session);
    }

    /** The same context asking for files another way (the flow tests choose them in advance). */
    public AppContext withFiles(FilePicker other) {
        return new AppContext(db, tasks, i18n, preferences, demo, currentStaff, viewer, sync, other, session);
    }

    /** The same context for the person who signed in (the application; the tests may leave it out). */
    public AppContext withSession(Session signedIn) {
        return new AppContext(db, tasks, i18n, preferences, demo, currentStaff, viewer, sync, files, signedIn);
    }

    /** Who signed in, if anyone did (always in the application). */
    public java.util.Optional<Session> session() {
        return java.util.Optional.ofNullable(session);
    }

    public AccountRepository accounts() {
        return new AccountRepository(db.dsl(), db.clock());
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public I18n i18n() {
        return i18n;
    }

    public UserPreferences preferences() {
        return preferences;
    }

    public boolean demo() {
        return demo;
    }

    public Clock clock() {
        return db.clock();
    }

    public CercleDatabase database() {
        return db;
    }

    /** The files the signed-in account may see and change (the repositories enforce need-to-know). */
    public BeneficiaryRepository beneficiaries() {
        return new BeneficiaryRepository(db.dsl(), db.writer(), db.clock(), viewer());
    }

    public HelperRepository helpers() {
        return new HelperRepository(db.dsl(), db.writer(), db.clock(), viewer());
    }

    /** The needs of the files the signed-in account may see, their candidates and assignments. */
    public NeedRepository needs() {
        return new NeedRepository(db.dsl(), db.writer(), db.clock(), viewer());
    }

    /** What helpers did for the files the signed-in account may see, and the follow-ups it opened. */
    public ContributionRepository contributions() {
        return new ContributionRepository(db.dsl(), db.writer(), db.clock(), viewer());
    }

    /** The circle around a person whose file the signed-in account may see. */
    public CircleRepository circles() {
        return new CircleRepository(db.dsl(), db.writer(), db.clock(), viewer());
    }

    /** The heatwave register and its campaigns, for those who see the elderly part of files. */
    public HeatwaveRepository heatwave() {
        return new HeatwaveRepository(db.dsl(), db.writer(), db.clock(), viewer());
    }

    public StaffRepository staff() {
        return new StaffRepository(db.dsl(), db.writer(), viewer());
    }

    public CommuneRepository communes() {
        return new CommuneRepository(db.dsl());
    }

    public InstallationRepository installation() {
        return new InstallationRepository(db.dsl(), db.deviceId());
    }

    public LocalSettings localSettings() {
        return db.localSettings();
    }

    public ConflictRepository conflicts() {
        return new ConflictRepository(db.dsl(), db.writer(), viewer());
    }

    /** The exchanges with the server and through files, shared by every screen. */
    public SyncService sync() {
        return sync;
    }

    /** How the screens ask the person for a file. */
    public FilePicker files() {
        return files;
    }

    /** The staff member the signed-in account acts as: the author of its changes. */
    public ObjectProperty<StaffMember> currentStaffProperty() {
        return currentStaff;
    }

    /** Who the signed-in account is to the need-to-know rules; changes when the welcome links it to a staff member. */
    public Viewer viewer() {
        return viewer.get();
    }

    public ObjectProperty<Viewer> viewerProperty() {
        return viewer;
    }

    /** Whether the signed-in account may read this kind of record or use this function (for the screens). */
    public boolean may(Subject subject) {
        return NeedToKnow.canRead(viewer(), subject);
    }

    public StaffId author() {
        StaffMember member = currentStaff.get();
        if (member == null) {
            throw new IllegalStateException("The signed-in account acts as no staff member");
        }
        return member.id();
    }

    /** A commune search for {@link fr.cercle.app.ui.CommuneField}, run in the background. */
    public void searchCommunes(String text, Consumer<List<Commune>> found) {
        tasks.run(() -> communes().search(text, 12), found, e -> found.accept(List.of()));
    }
}
