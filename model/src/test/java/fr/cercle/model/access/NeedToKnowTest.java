package fr.cercle.model.access;

import fr.cercle.model.common.Domain;
import fr.cercle.model.staff.StaffId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The need-to-know matrix, written out by hand: every role against every kind of record, for
 * reading and writing. The expected table is the specification (issue 4), not the code run twice.
 */
class NeedToKnowTest {

    static final StaffId ME = StaffId.newId();
    static final StaffId COLLEAGUE = StaffId.newId();

    static Viewer viewer(Set<Role> roles, Set<Domain> domains) {
        return new Viewer("someone", Optional.of(ME), roles, domains);
    }

    /** The files a viewer entitled to ELDERLY, acting as ME, may meet. */
    enum File {
        MINE_IN_MY_DOMAIN(ME, Set.of(Domain.ELDERLY)),
        MINE_OUTSIDE_MY_DOMAINS(ME, Set.of(Domain.SCHOOL)),
        A_COLLEAGUES_IN_MY_DOMAIN(COLLEAGUE, Set.of(Domain.ELDERLY)),
        NOBODYS(null, Set.of(Domain.ELDERLY));

        final StaffId referent;
        final Set<Domain> domains;

        File(StaffId referent, Set<Domain> domains) {
            this.referent = referent;
            this.domains = domains;
        }
    }

    static final Map<Role, Set<File>> READABLE = Map.of(
            Role.CASEWORKER, Set.of(File.MINE_IN_MY_DOMAIN),
            Role.COORDINATOR, Set.of(File.values()),
            Role.ADMINISTRATOR, Set.of(),
            Role.EVALUATOR, Set.of());

    static Stream<Arguments> filesByRole() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of(File.values()).map(file -> Arguments.of(role, file)));
    }

    @ParameterizedTest(name = "{0} reading {1}")
    @MethodSource("filesByRole")
    void eachRoleReadsAndWritesTheFilesItNeedsToKnowAndNoOther(Role role, File file) {
        Viewer viewer = viewer(Set.of(role), Set.of(Domain.ELDERLY));
        boolean expected = READABLE.get(role).contains(file);

        assertThat(NeedToKnow.canRead(viewer, file.referent, file.domains)).isEqualTo(expected);
        assertThat(NeedToKnow.canWrite(viewer, file.referent, file.domains, file.referent, file.domains))
                .isEqualTo(expected);
    }

    /** Role → subject → {read, write}. */
    static final Map<Role, Map<Subject, boolean[]>> SUBJECTS = Map.of(
            Role.CASEWORKER, Map.of(Subject.BENEFICIARY, rw(true, true), Subject.HELPER, rw(true, true),
                    Subject.STAFF, rw(true, false), Subject.ACCOUNTS, rw(false, false),
                    Subject.AUDIT, rw(false, false), Subject.INDICATORS, rw(false, false)),
            Role.COORDINATOR, Map.of(Subject.BENEFICIARY, rw(true, true), Subject.HELPER, rw(true, true),
                    Subject.STAFF, rw(true, false), Subject.ACCOUNTS, rw(false, false),
                    Subject.AUDIT, rw(true, false), Subject.INDICATORS, rw(true, false)),
            Role.ADMINISTRATOR, Map.of(Subject.BENEFICIARY, rw(false, false), Subject.HELPER, rw(false, false),
                    Subject.STAFF, rw(true, true), Subject.ACCOUNTS, rw(true, true),
                    Subject.AUDIT, rw(true, false), Subject.INDICATORS, rw(true, false)),
            Role.EVALUATOR, Map.of(Subject.BENEFICIARY, rw(false, false), Subject.HELPER, rw(false, false),
                    Subject.STAFF, rw(true, false), Subject.ACCOUNTS, rw(false, false),
                    Subject.AUDIT, rw(false, false), Subject.INDICATORS, rw(true, false)));

    static boolean[] rw(boolean read, boolean write) {
        return new boolean[] {read, write};
    }

    static Stream<Arguments> subjectsByRole() {
        return Stream.of(Role.values()).flatMap(role -> Stream.of(Subject.values()).map(s -> Arguments.of(role, s)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("subjectsByRole")
    void eachRoleOnEachKindOfRecord(Role role, Subject subject) {
        Viewer viewer = viewer(Set.of(role), Set.of(Domain.ELDERLY));
        boolean[] expected = SUBJECTS.get(role).get(subject);

        assertThat(NeedToKnow.canRead(viewer, subject)).as("read").isEqualTo(expected[0]);
        assertThat(NeedToKnow.canWrite(viewer, subject)).as("write").isEqualTo(expected[1]);
    }

    @ParameterizedTest(name = "{0} erasing {1}")
    @MethodSource("filesByRole")
    void onlyACoordinatorErasesAFile(Role role, File file) {
        Viewer viewer = viewer(Set.of(role), Set.of(Domain.ELDERLY));

        assertThat(NeedToKnow.canErase(viewer, file.referent, file.domains)).isEqualTo(role == Role.COORDINATOR);
    }

    @Test
    void aCaseworkerCannotHandAFileToAColleagueNorTakeItOutOfTheirDomains() {
        Viewer caseworker = viewer(Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));

        assertThat(NeedToKnow.canWrite(caseworker, ME, Set.of(Domain.ELDERLY), COLLEAGUE, Set.of(Domain.ELDERLY))).isFalse();
        assertThat(NeedToKnow.canWrite(caseworker, ME, Set.of(Domain.ELDERLY), ME, Set.of(Domain.SCHOOL))).isFalse();
        assertThat(NeedToKnow.canWrite(caseworker, null, Set.of(), ME, Set.of(Domain.ELDERLY))).as("a new file of theirs").isTrue();
        assertThat(NeedToKnow.canWrite(caseworker, null, Set.of(), COLLEAGUE, Set.of(Domain.ELDERLY))).isFalse();
    }

    @Test
    void aSchoolCounselorNeverSeesHealthPartsAndANurseNeverSeesSchoolParts() {
        Viewer counselor = viewer(Set.of(Role.CASEWORKER), Set.of(Domain.SCHOOL));
        Viewer nurse = viewer(Set.of(Role.CASEWORKER), Set.of(Domain.HEALTH));
        Viewer coordinator = viewer(Set.of(Role.COORDINATOR), Set.of(Domain.ELDERLY, Domain.HEALTH, Domain.SCHOOL));

        assertThat(NeedToKnow.visibleParts(counselor)).contains(Part.SCHOOL).doesNotContain(Part.HEALTH, Part.AUTONOMY);
        assertThat(NeedToKnow.visibleParts(nurse)).contains(Part.HEALTH).doesNotContain(Part.SCHOOL, Part.AUTONOMY);
        assertThat(NeedToKnow.visibleParts(coordinator)).containsExactlyInAnyOrder(Part.values());
        assertThat(NeedToKnow.visibleParts(counselor)).contains(Part.IDENTITY, Part.CONTACT, Part.SITUATION);
    }

    @Test
    void anAdministratorWhoIsAlsoACaseworkerSeesTheirCaseload() {
        Viewer both = viewer(Set.of(Role.ADMINISTRATOR, Role.CASEWORKER), Set.of(Domain.ELDERLY));

        assertThat(NeedToKnow.canRead(both, ME, Set.of(Domain.ELDERLY))).isTrue();
        assertThat(NeedToKnow.canRead(both, COLLEAGUE, Set.of(Domain.ELDERLY))).isFalse();
        assertThat(NeedToKnow.canWrite(both, Subject.ACCOUNTS)).isTrue();
    }

    @Test
    void aViewerWithoutAStaffMemberHasNoCaseload() {
        Viewer admin = new Viewer("admin", Optional.empty(), Set.of(Role.CASEWORKER), Set.of(Domain.ELDERLY));

        assertThat(NeedToKnow.canRead(admin, ME, Set.of(Domain.ELDERLY))).isFalse();
    }
}
