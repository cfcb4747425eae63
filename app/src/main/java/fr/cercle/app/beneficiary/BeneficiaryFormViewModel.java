package fr.cercle.app.beneficiary;

import fr.cercle.app.AppContext;
import fr.cercle.app.beneficiary.profile.ProfilesViewModel;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.ProblemMessages;
import fr.cercle.app.rights.AccessReportPdf;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Viewer;
import fr.cercle.model.beneficiary.Beneficiary;
import fr.cercle.model.beneficiary.BeneficiaryId;
import fr.cercle.model.beneficiary.BeneficiaryRules;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.BeneficiarySummary;
import fr.cercle.model.beneficiary.Consent;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.beneficiary.PossibleDuplicate;
import fr.cercle.model.common.Address;
import fr.cercle.model.common.Contact;
import fr.cercle.model.common.Domain;
import fr.cercle.model.common.Text;
import fr.cercle.model.commune.Commune;
import fr.cercle.model.contribution.Contribution;
import fr.cercle.model.helper.HelperId;
import fr.cercle.model.need.Need;
import fr.cercle.model.staff.StaffId;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.model.validation.InvalidRecordException;
import fr.cercle.model.validation.Problem;
import fr.cercle.persistence.rights.AccessReport;
import fr.cercle.persistence.rights.AccessReports;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static javafx.beans.binding.Bindings.stringValueAt;

/**
 * The form of one beneficiary's file: create, edit, close. Checks every field before saving and
 * names what to fix next to each; before creating a file (or changing who it is about), shows the
 * files that may be the same person and saves only once the caseworker says it is not.
 */
public final class BeneficiaryFormViewModel {

    /** Field name of the unreadable-date problems, which the model never sees. */
    static final String UNREADABLE = "UNREADABLE_DATE";

    private final AppContext context;
    private final I18n i18n;

    private final StringProperty firstName = new SimpleStringProperty(this, "firstName");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName");
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>(this, "birthDate");
    private final BooleanProperty birthDateUnreadable = new SimpleBooleanProperty(this, "birthDateUnreadable");
    private final StringProperty addressLine = new SimpleStringProperty(this, "addressLine");
    private final ObjectProperty<Commune> commune = new SimpleObjectProperty<>(this, "commune");
    private final ObservableList<String> postalCodes = FXCollections.observableArrayList();
    private final StringProperty postalCode = new SimpleStringProperty(this, "postalCode");
    private final StringProperty phone = new SimpleStringProperty(this, "phone");
    private final StringProperty email = new SimpleStringProperty(this, "email");
    private final Map<Domain, BooleanProperty> domains = new EnumMap<>(Domain.class);
    private final ObjectProperty<BeneficiaryStatus> status = new SimpleObjectProperty<>(this, "status", BeneficiaryStatus.ACTIVE);
    private final ObjectProperty<StaffMember> referent = new SimpleObjectProperty<>(this, "referent");
    private final ObservableList<StaffMember> staffChoices = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> consentDate = new SimpleObjectProperty<>(this, "consentDate");
    private final BooleanProperty consentDateUnreadable = new SimpleBooleanProperty(this, "consentDateUnreadable");
    private final ObjectProperty<ConsentScope> consentScope = new SimpleObjectProperty<>(this, "consentScope");
    private final ObjectProperty<ConsentMethod> consentMethod = new SimpleObjectProperty<>(this, "consentMethod");
    private final StringProperty consentGuardian = new SimpleStringProperty(this, "consentGuardian");
    private final ObjectProperty<LocalDate> consentWithdrawnOn = new SimpleObjectProperty<>(this, "consentWithdrawnOn");
    private final BooleanProperty consentWithdrawnOnUnreadable = new SimpleBooleanProperty(this, "consentWithdrawnOnUnreadable");
    private final StringProperty situation = new SimpleStringProperty(this, "situation");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableList<PossibleDuplicate> duplicates = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper existing = new ReadOnlyBooleanWrapper(this, "existing");

    private BeneficiaryId id = BeneficiaryId.newId();
    private Beneficiary loaded;
    private Beneficiary baseline;
    private boolean notADuplicate;
    private Consumer<BeneficiarySummary> onSaved = saved -> { };
    private Consumer<String> onErased = name -> { };
    private Runnable onRefresh = () -> { };
    private final ReadOnlyBooleanWrapper erasable = new ReadOnlyBooleanWrapper(this, "erasable");
    /** The domain profiles of the file (elderly, health, school), saved with it. */
    private final ProfilesViewModel profiles;

    public BeneficiaryFormViewModel(AppContext context) {
        this.context = context;
        this.i18n = context.i18n();
        for (Domain d : Domain.values()) {
            domains.put(d, new SimpleBooleanProperty(this, "domain" + d, false));
        }
        commune.addListener((obs, old, chosen) -> {
            postalCodes.setAll(chosen == null ? List.of() : chosen.postalCodes());
            if (chosen == null || postalCode.get() == null || !chosen.postalCodes().contains(postalCode.get())) {
                postalCode.set(chosen == null ? null : chosen.mainPostalCode());
            }
        });
        title.set(i18n.get("beneficiary.form.new"));
        profiles = new ProfilesViewModel(context);
    }

    /** The domain parts of the form, shown under the file's own fields for each domain ticked. */
    public ProfilesViewModel profiles() {
        return profiles;
    }

    // Properties

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    public BooleanProperty birthDateUnreadableProperty() {
        return birthDateUnreadable;
    }

    public StringProperty addressLineProperty() {
        return addressLine;
    }

    public ObjectProperty<Commune> communeProperty() {
        return commune;
    }

    public ObservableList<String> postalCodes() {
        return postalCodes;
    }

    public StringProperty postalCodeProperty() {
        return postalCode;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public BooleanProperty domainProperty(Domain d) {
        return domains.get(d);
    }

    public ObjectProperty<BeneficiaryStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<StaffMember> referentProperty() {
        return referent;
    }

    public ObservableList<StaffMember> staffChoices() {
        return staffChoices;
    }

    public ObjectProperty<LocalDate> consentDateProperty() {
        return consentDate;
    }

    public BooleanProperty consentDateUnreadableProperty() {
        return consentDateUnreadable;
    }

    public ObjectProperty<ConsentScope> consentScopeProperty() {
        return consentScope;
    }

    public ObjectProperty<ConsentMethod> consentMethodProperty() {
        return consentMethod;
    }

    /** For a minor: the parent or legal representative who consented. */
    public StringProperty consentGuardianProperty() {
        return consentGuardian;
    }

    public ObjectProperty<LocalDate> consentWithdrawnOnProperty() {
        return consentWithdrawnOn;
    }

    public BooleanProperty consentWithdrawnOnUnreadableProperty() {
        return consentWithdrawnOnUnreadable;
    }

    public StringProperty situationProperty() {
        return situation;
    }

    /** What to fix in a field, empty when nothing. */
    public ObservableStringValue error(String field) {
        return stringValueAt(errors, field);
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableList<PossibleDuplicate> duplicates() {
        return duplicates;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** A failure that is not about one field (the database refused), in plain words. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** A piece of good news for the banner, such as where an export was written. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when editing a file that exists (it can then be closed). */
    public ReadOnlyBooleanProperty existingProperty() {
        return existing.getReadOnlyProperty();
    }

    /** Whether the signed-in account may erase this file (a coordinator's decision). */
    public ReadOnlyBooleanProperty erasableProperty() {
        return erasable.getReadOnlyProperty();
    }

    /** Called with the person's name once their file is erased. */
    public void setOnErased(Consumer<String> onErased) {
        this.onErased = Objects.requireNonNull(onErased);
    }

    /** Called when the file changed elsewhere and the form follows, for what shows beside it (its needs). */
    public void setOnRefresh(Runnable onRefresh) {
        this.onRefresh = Objects.requireNonNull(onRefresh);
    }

    public BeneficiaryId id() {
        return id;
    }

    public void setOnSaved(Consumer<BeneficiarySummary> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    // Commands

    /** A blank file, referred to the current staff member, consent dated today. */
    public void startNew() {
        StaffMember me = context.currentStaffProperty().get();
        loadStaff(me == null ? null : me.id());
        referent.set(me);
        consentDate.set(LocalDate.now(context.clock()));
        profiles.startNew(id);
        baseline = toBeneficiary();
    }

    /** True when the form holds something not saved yet (leaving asks first). */
    public boolean hasChanges() {
        return baseline != null && (!baseline.equals(toBeneficiary())
                || profiles.hasChanges(id, toBeneficiary().domains()));
    }

    /** Loads an existing file in the background. */
    public void load(BeneficiaryId beneficiaryId) {
        busy.set(true);
        context.tasks().run(() -> read(context.beneficiaries().open(beneficiaryId)
                        .orElseThrow(() -> new IllegalArgumentException("No beneficiary " + beneficiaryId))),
                this::fill,
                e -> {
                    busy.set(false);
                    failure.set(i18n.get("error.load"));
                });
    }

    /**
     * The file changed elsewhere (a sync, an imported file, a conflict settled): the form shows it as
     * it is now. What the person changed here and has not saved yet stays over it, so that saving
     * writes their changes only, never the older values of the fields they did not touch.
     */
    public void refresh() {
        if (!existing.get() || busy.get()) {
            return;
        }
        BeneficiaryId shown = id;
        onRefresh.run();
        context.tasks().run(() -> context.beneficiaries().open(shown).map(this::read), fresh -> fresh.ifPresent(data -> {
            if (shown.equals(id) && !busy.get()) {
                rebase(data);
            }
        }), e -> failure.set(i18n.get("error.load")));
    }

    private Loaded read(Beneficiary found) {
        Optional<Commune> place = found.address().commune() == null ? Optional.empty()
                : context.communes().find(found.address().commune());
        return new Loaded(found, place.orElse(null), referents());
    }

    private void rebase(Loaded data) {
        if (!hasChanges()) {
            fill(data);
            return;
        }
        Beneficiary base = baseline;
        Beneficiary mine = toBeneficiary();
        Commune myPlace = commune.get();
        fill(data);
        Beneficiary theirs = baseline;
        Beneficiary merged = rebase(base, mine, theirs);
        Commune place = Objects.equals(merged.address().commune(), mine.address().commune()) ? myPlace : data.commune();
        fill(new Loaded(merged, place, data.staff()));
        loaded = data.beneficiary();
        baseline = theirs;
    }

    /** The newer file ({@code theirs}) with, over it, what the person changed in the form since {@code base}. */
    static Beneficiary rebase(Beneficiary base, Beneficiary mine, Beneficiary theirs) {
        boolean placeChanged = !Objects.equals(base.address().commune(), mine.address().commune())
                || !Objects.equals(base.address().postalCode(), mine.address().postalCode());
        Address place = placeChanged ? mine.address() : theirs.address();
        Address address = new Address(pick(base.address().line(), mine.address().line(), theirs.address().line()),
                place.postalCode(), place.commune());
        Contact contact = new Contact(pick(base.contact().phone(), mine.contact().phone(), theirs.contact().phone()),
                pick(base.contact().email(), mine.contact().email(), theirs.contact().email()));
        Consent consent = new Consent(pick(base.consent().date(), mine.consent().date(), theirs.consent().date()),
                pick(base.consent().scope(), mine.consent().scope(), theirs.consent().scope()),
                pick(base.consent().method(), mine.consent().method(), theirs.consent().method()),
                pick(base.consent().guardian(), mine.consent().guardian(), theirs.consent().guardian()),
                pick(base.consent().withdrawnOn(), mine.consent().withdrawnOn(), theirs.consent().withdrawnOn()));
        return new Beneficiary(mine.id(), pick(base.firstName(), mine.firstName(), theirs.firstName()),
                pick(base.lastName(), mine.lastName(), theirs.lastName()),
                pick(base.birthDate(), mine.birthDate(), theirs.birthDate()), address, contact,
                pick(base.domains(), mine.domains(), theirs.domains()), pick(base.status(), mine.status(), theirs.status()),
                pick(base.referent(), mine.referent(), theirs.referent()), consent,
                pick(base.situation(), mine.situation(), theirs.situation()));
    }

    /** The person's value if they changed it in the form, else the newer one. */
    private static <T> T pick(T base, T mine, T theirs) {
        return Objects.equals(base, mine) ? theirs : mine;
    }

    private record Loaded(Beneficiary beneficiary, Commune commune, List<StaffMember> staff) {
    }

    private void fill(Loaded data) {
        Beneficiary b = data.beneficiary();
        loaded = b;
        id = b.id();
        staffChoices.setAll(data.staff());
        firstName.set(b.firstName());
        lastName.set(b.lastName());
        birthDate.set(b.birthDate());
        addressLine.set(b.address().line());
        commune.set(data.commune());
        postalCode.set(b.address().postalCode());
        phone.set(b.contact().phone());
        email.set(b.contact().email());
        domains.forEach((d, p) -> p.set(b.domains().contains(d)));
        status.set(b.status());
        referent.set(data.staff().stream().filter(s -> s.id().equals(b.referent())).findFirst().orElse(null));
        consentDate.set(b.consent().date());
        consentScope.set(b.consent().scope());
        consentMethod.set(b.consent().method());
        consentGuardian.set(b.consent().guardian());
        consentWithdrawnOn.set(b.consent().withdrawnOn());
        situation.set(b.situation());
        title.set(b.fullName());
        existing.set(true);
        erasable.set(NeedToKnow.canErase(context.viewer(), b.referent(), b.domains()));
        busy.set(false);
        baseline = toBeneficiary();
        if (!profiles.hasChanges(b.id(), b.domains())) {
            profiles.load(b.id(), () -> failure.set(i18n.get("error.load")));
        }
    }

    private void loadStaff(StaffId keep) {
        context.tasks().run(this::referents, all -> {
            staffChoices.setAll(all.stream().filter(s -> s.active() || s.id().equals(keep)).toList());
        }, e -> failure.set(i18n.get("error.load")));
    }

    /**
     * Who may be chosen as referent: anyone for a coordinator; a caseworker follows their own files
     * only, so themselves (the repository would refuse handing a file to a colleague).
     */
    private List<StaffMember> referents() {
        List<StaffMember> all = context.staff().all();
        Viewer viewer = context.viewer();
        return viewer.has(Role.COORDINATOR) ? all : all.stream().filter(s -> viewer.is(s.id())).toList();
    }

    /** The name proposed for the access export of this file: {@code donnees-jeanne-martin-2026-11-27.pdf}. */
    public String accessExportName() {
        String name = loaded == null ? "" : Text.fold(loaded.fullName()).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return i18n.format("access.fileName", name, LocalDate.now(context.clock()).toString());
    }

    /**
     * The right of access: writes everything held about this person as a readable PDF at {@code pdf}
     * and as JSON beside it (same name, {@code .json}), in the background. The export is recorded in
     * the audit trail; each file appears whole or not at all.
     */
    public void exportAccess(Path pdf) {
        if (loaded == null) {
            return;
        }
        BeneficiaryId id = loaded.id();
        Path json = pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "") + ".json");
        failure.set(null);
        notice.set(null);
        busy.set(true);
        context.tasks().run(() -> {
            AccessReport report = new AccessReports(context.database().dsl(), context.database().writer(),
                    context.clock(), context.viewer()).gather(id);
            String communeName = report.person().address().commune() == null ? null
                    : context.communes().find(report.person().address().commune()).map(Commune::name).orElse(null);
            Map<HelperId, String> helperNames = new HashMap<>();
            Stream.concat(report.needs().stream().map(Need::helper), report.contributions().stream().map(Contribution::helper))
                    .filter(Objects::nonNull).distinct()
                    .forEach(h -> context.helpers().find(h).ifPresent(found -> helperNames.put(h, found.fullName())));
            AccessReportPdf writer = new AccessReportPdf(i18n, context.clock().getZone());
            writeWhole(pdf, out -> writer.write(report, communeName, helperNames, out));
            writeWhole(json, out -> AccessReports.writeJson(report, out));
            return pdf;
        }, done -> {
            busy.set(false);
            notice.set(i18n.format("access.exported", pdf.getFileName().toString(), json.getFileName().toString(),
                    pdf.getParent() == null ? "" : pdf.getParent().toString()));
        }, e -> {
            busy.set(false);
            failure.set(e instanceof IOException || e.getCause() instanceof IOException
                    ? i18n.format("access.failed", pdf.getParent() == null ? "" : pdf.getParent().toString())
                    : ProblemMessages.saveFailure(i18n, e));
        });
    }

    /** What writes one export file. */
    @FunctionalInterface
    private interface FileContent {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file beside the target, then moves it in place: never half a file. */
    private static void writeWhole(Path target, FileContent content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
            content.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file as the form holds it now. */
    public Beneficiary toBeneficiary() {
        Set<Domain> chosen = EnumSet.noneOf(Domain.class);
        domains.forEach((d, p) -> {
            if (p.get()) {
                chosen.add(d);
            }
        });
        return new Beneficiary(id, firstName.get(), lastName.get(), birthDate.get(),
                new Address(addressLine.get(), postalCode.get(), commune.get() == null ? null : commune.get().code()),
                new Contact(phone.get(), email.get()), chosen, status.get(),
                referent.get() == null ? null : referent.get().id(),
                new Consent(consentDate.get(), consentScope.get(), consentMethod.get(), consentGuardian.get(),
                        consentWithdrawnOn.get()), situation.get());
    }

    /**
     * Checks the form; if it is right, looks for possible duplicates (for a new file or a changed
     * identity), then saves in the background. Returns false when something must be fixed first.
     */
    public boolean save() {
        failure.set(null);
        Beneficiary b = toBeneficiary();
        if (!check(b)) {
            return false;
        }
        if (!notADuplicate && identityChanged(b)) {
            busy.set(true);
            context.tasks().run(() -> context.beneficiaries().possibleDuplicates(b), found -> {
                busy.set(false);
                if (found.isEmpty()) {
                    write(b);
                } else {
                    duplicates.setAll(found);
                }
            }, this::failed);
        } else {
            write(b);
        }
        return true;
    }

    /** The caseworker looked at the possible duplicates and says this is another person. */
    public void confirmNotADuplicate() {
        notADuplicate = true;
        duplicates.clear();
        save();
    }

    /** Closes the file (after the view asked for confirmation). */
    /**
     * Erases the file for good (after the view asked for confirmation): the right to erasure. The
     * record and what its changes wrote disappear here, then everywhere at the next syncs.
     */
    public void eraseFile() {
        if (loaded == null) {
            return;
        }
        BeneficiaryId erased = loaded.id();
        String name = loaded.fullName().strip();
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> context.beneficiaries().erase(erased, author), done -> {
            busy.set(false);
            onErased.accept(name);
        }, this::failed);
    }

    public void closeFile() {
        busy.set(true);
        StaffId author = context.author();
        context.tasks().run(() -> {
            context.beneficiaries().close(id, author);
            return context.beneficiaries().summary(id).orElseThrow();
        }, summary -> {
            busy.set(false);
            status.set(BeneficiaryStatus.CLOSED);
            onSaved.accept(summary);
        }, this::failed);
    }

    private boolean check(Beneficiary b) {
        List<Problem> problems = BeneficiaryRules.validate(b, LocalDate.now(context.clock()));
        errors.clear();
        errors.putAll(ProblemMessages.byField(i18n, problems));
        if (birthDateUnreadable.get()) {
            errors.put(Beneficiary.BIRTH_DATE, i18n.get("validation." + UNREADABLE));
        }
        if (consentDateUnreadable.get()) {
            errors.put(Beneficiary.CONSENT_DATE, i18n.get("validation." + UNREADABLE));
        }
        if (consentWithdrawnOnUnreadable.get()) {
            errors.put(Beneficiary.CONSENT_WITHDRAWN_ON, i18n.get("validation." + UNREADABLE));
        }
        profiles.check(b).forEach(errors::putIfAbsent);
        return errors.isEmpty();
    }

    private boolean identityChanged(Beneficiary b) {
        return loaded == null
                || !Objects.equals(loaded.firstName(), b.firstName())
                || !Objects.equals(loaded.lastName(), b.lastName())
                || !Objects.equals(loaded.birthDate(), b.birthDate())
                || !Objects.equals(loaded.address().commune(), b.address().commune());
    }

    private void write(Beneficiary b) {
        busy.set(true);
        StaffId author = context.author();
        List<Object> withProfiles = profiles.toSave(b);
        context.tasks().run(() -> {
            profiles.save(b, withProfiles, author);
            return context.beneficiaries().summary(b.id()).orElseThrow();
        }, summary -> {
            busy.set(false);
            profiles.saved(b.id());
            loaded = b;
            baseline = b;
            existing.set(true);
            erasable.set(NeedToKnow.canErase(context.viewer(), b.referent(), b.domains()));
            title.set(b.fullName());
            onSaved.accept(summary);
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof InvalidRecordException invalid) {
            errors.putAll(ProblemMessages.byField(i18n, invalid.problems()));
        } else {
            failure.set(ProblemMessages.saveFailure(i18n, e));
        }
    }
}
