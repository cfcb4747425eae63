package fr.cercle.app.settings;

import atlantafx.base.theme.Styles;
import fr.cercle.app.AppContext;
import fr.cercle.app.i18n.I18n;
import fr.cercle.app.i18n.Language;
import fr.cercle.app.preferences.UserPreferences;
import fr.cercle.app.rights.RetentionViewModel;
import fr.cercle.app.ui.Choices;
import fr.cercle.app.ui.Dialogs;
import fr.cercle.app.ui.FormLayout;
import fr.cercle.app.ui.Icons;
import fr.cercle.app.ui.Page;
import fr.cercle.model.access.Account;
import fr.cercle.model.access.NeedToKnow;
import fr.cercle.model.access.Role;
import fr.cercle.model.access.Subject;
import fr.cercle.model.common.Domain;
import fr.cercle.model.rights.RetentionPolicy;
import fr.cercle.model.staff.StaffMember;
import fr.cercle.persistence.rights.Retention;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;
import java.util.function.Consumer;

/** The settings screen. */
public final class SettingsPage implements Page {

    private final ScrollPane root;

    public SettingsPage(AppContext context, Consumer<String> notify, Consumer<AppContext> relaunch) {
        I18n i18n = context.i18n();
        SettingsViewModel model = new SettingsViewModel(context);

        Label title = new Label(i18n.get("settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        FormLayout form = new FormLayout();

        form.section(i18n.get("settings.language"));
        ComboBox<Language> language = Choices.of(List.of(Language.values()), l -> i18n.get("language." + l.code()), "");
        language.setId("language");
        language.valueProperty().bindBidirectional(model.languageProperty());
        Button apply = new Button(i18n.get("settings.language.apply"));
        apply.setId("applyLanguage");
        apply.setOnAction(e -> model.applyLanguage(chosen -> relaunch.accept(context.withI18n(new fr.cercle.app.i18n.I18n(chosen)))));
        form.field(i18n.get("settings.language.label"), new HBox(8, language, apply), null, language);

        form.section(i18n.get("settings.lock"));
        ComboBox<java.time.Duration> lock = Choices.of(UserPreferences.LOCK_DELAYS,
                d -> i18n.format("settings.lock.minutes", d.toMinutes()), "");
        lock.setId("lockAfter");
        lock.setValue(context.preferences().lockAfter());
        lock.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(old)) {
                context.preferences().setLockAfter(chosen);
                notify.accept(i18n.format("settings.lock.changed", chosen.toMinutes()));
            }
        });
        form.field(i18n.get("settings.lock.label"), lock, null, lock);

        // Where the data go and who is in the team: the administrator's settings (a caseworker who
        // could change the server could send the structure's files elsewhere).
        if (NeedToKnow.canWrite(context.viewer(), Subject.ACCOUNTS)) {
            form.section(i18n.get("settings.sync"));
            Label syncNote = new Label(i18n.get("settings.sync.note"));
            syncNote.setWrapText(true);
            syncNote.getStyleClass().add(Styles.TEXT_MUTED);
            form.full(syncNote);
            form.full(enrolmentStatus(model));
            TextField server = new TextField();
            server.setId("syncServer");
            server.setPromptText(i18n.get("settings.sync.server.prompt"));
            server.textProperty().bindBidirectional(model.serverAddressProperty());
            form.field(i18n.get("settings.sync.server"), server, model.error(SettingsViewModel.SYNC_SERVER), server);
            TextField code = new TextField();
            code.setId("enrolmentCode");
            code.setPromptText(i18n.get("settings.enrolment.code.prompt"));
            code.setPrefColumnCount(22);
            code.setMaxWidth(Region.USE_PREF_SIZE);
            code.textProperty().bindBidirectional(model.enrolmentCodeProperty());
            form.field(i18n.get("settings.enrolment.code"), code, model.error(SettingsViewModel.ENROLMENT_CODE), code);
            Button enrol = new Button(i18n.get("settings.enrolment.enrol"), Icons.of(Material2OutlinedAL.LINK));
            enrol.setId("enrol");
            enrol.disableProperty().bind(model.exchangeBusyProperty());
            enrol.setOnAction(e -> model.enrol(notify));
            code.setOnAction(e -> enrol.fire());
            ProgressIndicator enrolling = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
            enrolling.setPrefSize(18, 18);
            Label enrollingText = new Label(i18n.get("settings.enrolment.running"));
            HBox enrolRow = new HBox(10, enrol, enrolling, enrollingText);
            enrolRow.setAlignment(Pos.CENTER_LEFT);
            for (Node shown : List.of(enrolling, enrollingText)) {
                shown.visibleProperty().bind(model.enrollingProperty());
                shown.managedProperty().bind(shown.visibleProperty());
            }
            form.full(enrolRow);
            // The button is disabled while the enrolment runs, which moves the focus on: it comes back
            // here, on the code when it was refused.
            model.enrollingProperty().addListener((obs, was, running) -> {
                if (!running) {
                    (model.enrolmentMessageProperty().get() == null ? enrol : code).requestFocus();
                }
            });
            Label refused = new Label();
            refused.setId("enrolmentMessage");
            refused.setWrapText(true);
            refused.setGraphic(Icons.of(Material2OutlinedMZ.WARNING));
            refused.getStyleClass().addAll("banner", Styles.DANGER);
            refused.textProperty().bind(model.enrolmentMessageProperty());
            refused.visibleProperty().bind(model.enrolmentMessageProperty().isNotEmpty());
            refused.managedProperty().bind(refused.visibleProperty());
            form.full(refused);
            TextField interval = new TextField();
            interval.setId("syncInterval");
            interval.setPrefColumnCount(4);
            interval.setMaxWidth(Region.USE_PREF_SIZE);
            interval.textProperty().bindBidirectional(model.intervalProperty());
            Label minutes = new Label(i18n.get("settings.sync.interval.unit"));
            HBox intervalRow = new HBox(8, interval, minutes);
            intervalRow.setAlignment(Pos.CENTER_LEFT);
            form.field(i18n.get("settings.sync.interval"), intervalRow, model.error(SettingsViewModel.SYNC_INTERVAL), interval);
            Button saveSync = new Button(i18n.get("settings.sync.save"), Icons.of(Material2OutlinedMZ.SAVE));
            saveSync.setId("saveSync");
            saveSync.setOnAction(e -> model.saveSync(() -> notify.accept(i18n.get("settings.sync.saved"))));
            // Enter in either field saves them, as in the forms.
            server.setOnAction(e -> saveSync.fire());
            interval.setOnAction(e -> saveSync.fire());
            form.full(saveSync);

            form.section(i18n.get("settings.team.add"));
            TextField first = new TextField();
            first.setId("staffFirstName");
            first.textProperty().bindBidirectional(model.newFirstNameProperty());
            form.field(i18n.get("field.firstName") + " *", first, model.error(StaffMember.FIRST_NAME), first);
            TextField last = new TextField();
            last.setId("staffLastName");
            last.textProperty().bindBidirectional(model.newLastNameProperty());
            form.field(i18n.get("field.lastName") + " *", last, model.error(StaffMember.LAST_NAME), last);
            TextField structure = new TextField();
            structure.textProperty().bindBidirectional(model.newStructureProperty());
            form.field(i18n.get("field.structure") + " *", structure, model.error(StaffMember.STRUCTURE), structure);
            FlowPane domains = new FlowPane(16, 8);
            for (Domain d : Domain.values()) {
                CheckBox box = new CheckBox(i18n.label(d));
                box.selectedProperty().bindBidirectional(model.newDomainProperty(d));
                domains.getChildren().add(box);
            }
            form.field(i18n.get("field.domains") + " *", domains, model.error(StaffMember.DOMAINS), (CheckBox) domains.getChildren().get(0));
            Button add = new Button(i18n.get("settings.team.addButton"), Icons.of(Material2OutlinedMZ.PERSON_ADD));
            add.setId("addStaff");
            add.setOnAction(e -> model.addStaff(member -> notify.accept(i18n.format("settings.team.added", member.fullName()))));
            form.full(add);
        } else {
            form.section(i18n.get("settings.sync"));
            Label adminOnly = new Label(i18n.get("settings.adminOnly"));
            adminOnly.setId("settingsAdminOnly");
            adminOnly.setWrapText(true);
            adminOnly.getStyleClass().add(Styles.TEXT_MUTED);
            form.full(adminOnly);
        }

        form.section(i18n.get("settings.data"));
        Label folder = new Label(i18n.format("settings.data.folder", model.dataFolder()));
        folder.setWrapText(true);
        form.full(folder);

        Label failure = new Label();
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        VBox content = new VBox(12, title, failure, form.node(), fr.cercle.app.backup.BackupSection.of(context, notify),
                alerts(context, notify), retention(context, notify), accounts(context, notify));
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setMaxWidth(900);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        model.load();
    }

    /** Whether and with which server this installation is enrolled: good news, a warning, or a note. */
    private static Label enrolmentStatus(SettingsViewModel model) {
        Label status = new Label();
        status.setId("enrolmentStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().addAll("banner", "enrolment-status");
        status.textProperty().bind(model.enrolmentStatusProperty());
        Runnable style = () -> {
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, "info");
            switch (model.enrolmentStateProperty().get()) {
                case SECURE -> {
                    status.getStyleClass().add(Styles.SUCCESS);
                    status.setGraphic(Icons.of(Material2OutlinedAL.CHECK_CIRCLE));
                }
                case NOT_SECURE -> {
                    status.getStyleClass().add(Styles.WARNING);
                    status.setGraphic(Icons.of(Material2OutlinedMZ.WARNING));
                }
                case NONE -> {
                    status.getStyleClass().add("info");
                    status.setGraphic(Icons.of(Material2OutlinedAL.INFO));
                }
            }
        };
        model.enrolmentStateProperty().addListener((obs, old, state) -> style.run());
        style.run();
        return status;
    }

    /** The accounts of this installation: shown to its administrators only. */
    private static Node accounts(AppContext context, Consumer<String> notify) {
        I18n i18n = context.i18n();
        AccountsViewModel model = new AccountsViewModel(context);
        FormLayout form = new FormLayout();
        form.section(i18n.get("settings.accounts"));
        form.note(i18n.get("settings.accounts.note"));
        VBox list = new VBox(6);
        list.setId("accounts");
        model.rows().addListener((javafx.collections.ListChangeListener<AccountsViewModel.Row>) change -> {
            list.getChildren().clear();
            for (AccountsViewModel.Row row : model.rows()) {
                Label who = new Label(row.login());
                who.getStyleClass().add(Styles.TEXT_BOLD);
                who.setMinWidth(160);
                Label what = new Label(row.roles() + (row.staff().isEmpty() ? "" : " — " + row.staff()));
                what.setWrapText(true);
                HBox line = new HBox(12, who, what);
                line.setAlignment(Pos.CENTER_LEFT);
                if (!row.self()) {
                    Button remove = new Button(i18n.get("settings.accounts.remove"));
                    remove.setId("removeAccount-" + row.login().replace('.', '_')); // a dot would read as a CSS class
                    remove.getStyleClass().add(Styles.DANGER);
                    remove.setOnAction(e -> model.remove(row.login(),
                            gone -> notify.accept(i18n.format("settings.accounts.removed", gone))));
                    Region space = new Region();
                    HBox.setHgrow(space, javafx.scene.layout.Priority.ALWAYS);
                    line.getChildren().addAll(space, remove);
                }
                list.getChildren().add(line);
            }
        });
        form.full(list);
        TextField login = new TextField();
        login.setId("accountLogin");
        login.setPromptText(i18n.get("access.login.prompt"));
        login.textProperty().bindBidirectional(model.loginProperty());
        form.field(i18n.get("access.login") + " *", login, model.error(Account.LOGIN), login);
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("accountPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        form.field(i18n.get("settings.accounts.password") + " *", password, model.error(AccountsViewModel.PASSWORD), password);
        ComboBox<StaffMember> member = Choices.of(List.of(), StaffMember::fullName, i18n.get("settings.accounts.noStaff"));
        member.setId("accountStaff");
        member.setItems(model.staff());
        member.valueProperty().bindBidirectional(model.memberProperty());
        form.field(i18n.get("settings.accounts.staff"), member, model.error(Account.STAFF), member);
        FlowPane roles = new FlowPane(16, 8);
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(i18n.label(role));
            box.setId("role-" + role.name());
            box.selectedProperty().bindBidirectional(model.roleProperty(role));
            roles.getChildren().add(box);
        }
        form.field(i18n.get("settings.accounts.roles") + " *", roles, model.error(Account.ROLES),
                (CheckBox) roles.getChildren().get(0));
        Button save = new Button(i18n.get("settings.accounts.save"), Icons.of(Material2OutlinedMZ.PERSON_ADD));
        save.setId("saveAccount");
        save.setOnAction(e -> model.save(saved -> notify.accept(i18n.format("settings.accounts.saved", saved))));
        form.full(save);
        Label failure = new Label();
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        VBox section = new VBox(8, form.node(), failure);
        section.visibleProperty().bind(model.administratorProperty());
        section.managedProperty().bind(section.visibleProperty());
        model.load();
        return section;
    }

    /**
     * When Cercle raises an alert (the "Today" area): the thresholds, shown to administrators only (the
     * repository refuses anyone else).
     */
    private static Node alerts(AppContext context, Consumer<String> notify) {
        AlertSettingsViewModel model = new AlertSettingsViewModel(context);
        if (!model.administrator()) {
            return new VBox();
        }
        I18n i18n = context.i18n();
        FormLayout form = new FormLayout();
        form.section(i18n.get("alertSettings.title"));
        form.note(i18n.get("alertSettings.note"));
        Button save = new Button(i18n.get("alertSettings.save"), Icons.of(Material2OutlinedMZ.SAVE));
        save.setId("saveAlertSettings");
        save.setOnAction(e -> model.save(() -> notify.accept(i18n.get("alertSettings.saved"))));
        for (String field : AlertSettingsViewModel.fields()) {
            TextField value = new TextField();
            value.setId("alert-" + field.replace('.', '-'));
            value.setPrefColumnCount(4);
            value.setMaxWidth(Region.USE_PREF_SIZE);
            value.textProperty().bindBidirectional(model.value(field));
            value.setOnAction(e -> save.fire());
            boolean years = field.equals(fr.cercle.model.alert.AlertSettings.CONSENT_YEARS)
                    || field.equals(fr.cercle.model.alert.AlertSettings.BACKGROUND_CHECK_YEARS);
            HBox row = new HBox(8, value, new Label(i18n.get(years ? "alertSettings.years" : "alertSettings.days")));
            row.setAlignment(Pos.CENTER_LEFT);
            form.field(alertLabel(i18n, field), row, model.error(field), value);
        }
        form.full(save);
        Label failure = new Label();
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        model.load();
        return new VBox(8, form.node(), failure);
    }

    private static String alertLabel(I18n i18n, String field) {
        for (Domain domain : Domain.values()) {
            if (field.equals(fr.cercle.model.alert.AlertSettings.noContactField(domain))) {
                return i18n.format("alertSettings.noContact", i18n.label(domain));
            }
        }
        return switch (field) {
            case fr.cercle.model.alert.AlertSettings.NEED_UNMET_DAYS -> i18n.get("alertSettings.needUnmet");
            case fr.cercle.model.alert.AlertSettings.HELPER_INACTIVE_DAYS -> i18n.get("alertSettings.helperInactive");
            case fr.cercle.model.alert.AlertSettings.CONSENT_YEARS -> i18n.get("alertSettings.consentYears");
            case fr.cercle.model.alert.AlertSettings.BACKGROUND_CHECK_YEARS -> i18n.get("alertSettings.checkYears");
            default -> i18n.get("alertSettings.notice");
        };
    }

    /**
     * How long closed files are kept, what the period would purge now, and the purge: shown to
     * coordinators only (the repositories refuse anyone else).
     */
    private Node retention(AppContext context, Consumer<String> notify) {
        if (!context.viewer().has(Role.COORDINATOR)) {
            return new VBox();
        }
        I18n i18n = context.i18n();
        RetentionViewModel model = new RetentionViewModel(context);
        FormLayout form = new FormLayout();
        form.section(i18n.get("retention.title"));
        form.note(i18n.get("retention.note"));
        List<Integer> choices = java.util.stream.IntStream.rangeClosed(RetentionPolicy.MIN_YEARS, RetentionPolicy.MAX_YEARS)
                .boxed().toList();
        ComboBox<Integer> years = Choices.of(choices, n -> i18n.format("retention.years.choice", n), null);
        years.setId("retentionYears");
        years.setValue(model.yearsProperty().get());
        model.yearsProperty().addListener((obs, old, value) -> years.setValue(value.intValue()));
        years.setOnAction(e -> {
            if (years.getValue() != null && years.getValue() != model.yearsProperty().get()) {
                model.yearsProperty().set(years.getValue());
                model.savePeriod();
            }
        });
        form.field(i18n.get("retention.years"), years, null, years);
        Label summary = new Label();
        summary.setId("retentionSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        form.full(summary);
        VBox list = new VBox(4);
        list.setId("retentionDue");
        model.due().addListener((javafx.collections.ListChangeListener<Retention.Due>) change -> {
            list.getChildren().clear();
            for (Retention.Due due : model.due()) {
                list.getChildren().add(new Label(i18n.format("retention.due.line", due.name(), i18n.date(due.lastChange()))));
            }
        });
        form.full(list);
        Button purge = new Button(i18n.get("retention.purge"), Icons.of(org.kordamp.ikonli.material2.Material2OutlinedAL.DELETE_SWEEP));
        purge.setId("retentionPurge");
        purge.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        purge.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(model.due())));
        purge.setOnAction(e -> {
            if (Dialogs.confirmIrreversible(purge, i18n, i18n.format("retention.confirm.header", model.due().size()),
                    i18n.get("retention.confirm.content"), i18n.get("retention.purge"))) {
                model.purge(count -> notify.accept(i18n.format("retention.purged", count)));
            }
        });
        form.full(purge);
        Label failure = new Label();
        failure.textProperty().bind(model.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(model.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        model.load();
        return new VBox(8, form.node(), failure);
    }

    @Override
    public Node node() {
        return root;
    }
}
