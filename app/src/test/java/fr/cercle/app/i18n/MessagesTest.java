package fr.cercle.app.i18n;

import fr.cercle.model.commune.Commune;
import fr.cercle.model.need.Frequency;
import fr.cercle.model.need.NeedKind;
import fr.cercle.model.need.NeedStatus;
import fr.cercle.app.startup.Startup;
import fr.cercle.model.beneficiary.BeneficiaryStatus;
import fr.cercle.model.beneficiary.ConsentMethod;
import fr.cercle.model.beneficiary.ConsentScope;
import fr.cercle.model.beneficiary.PossibleDuplicate;
import fr.cercle.model.common.Domain;
import fr.cercle.model.helper.BackgroundCheckStatus;
import fr.cercle.model.helper.DayPart;
import fr.cercle.model.helper.HelperStatus;
import fr.cercle.model.helper.Skill;
import fr.cercle.model.installation.StructureKind;
import fr.cercle.model.validation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every text exists in French and in English; every key the code uses exists; no key is left unused. */
class MessagesTest {

    /** Keys the code builds from values rather than writing them out. */
    static final List<String> BUILT_PREFIXES = List.of("enum.", "validation.", "startup.OPENING", "startup.REFERENCE",
            "startup.DEMO", "language.");
    /** A string literal shaped like a key: words joined by dots, such as "column.lastName". */
    static final Pattern LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+)\"");
    static final List<Class<? extends Enum<?>>> LABELLED = List.of(Domain.class, BeneficiaryStatus.class,
            ConsentScope.class, ConsentMethod.class, Skill.class, DayPart.class, BackgroundCheckStatus.class,
            HelperStatus.class, StructureKind.class, PossibleDuplicate.Reason.class,
            NeedKind.class, Frequency.class, NeedStatus.class, Commune.Proximity.class,
            fr.cercle.model.spreadsheet.Target.class, fr.cercle.model.spreadsheet.RowProblem.Issue.class,
            fr.cercle.persistence.spreadsheet.UnreadableSheetException.Reason.class);

    static Properties bundle(Language language) {
        Properties properties = new Properties();
        String name = "/" + I18n.BUNDLE.replace('.', '/') + "_" + language.code() + ".properties";
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /** The key-shaped literals of the code whose first word is a section of the bundle (so not a file name). */
    static Set<String> usedInCode() throws IOException {
        Set<String> sections = new HashSet<>();
        bundle(Language.FRENCH).stringPropertyNames().forEach(k -> sections.add(k.substring(0, k.indexOf('.'))));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (sections.contains(key.substring(0, key.indexOf('.')))) {
                        used.add(key);
                    }
                }
            }
        }
        return used;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        assertThat(bundle(Language.ENGLISH).stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle(Language.FRENCH).stringPropertyNames());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyKeyTheCodeUsesExists(Language language) throws IOException {
        assertThat(bundle(language).stringPropertyNames()).containsAll(usedInCode());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyValueShownByLabelOrRuleHasItsText(Language language) {
        Set<String> keys = bundle(language).stringPropertyNames();
        for (Class<? extends Enum<?>> type : LABELLED) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(keys).contains("enum." + type.getSimpleName() + "." + value.name());
            }
        }
        for (Rule rule : Rule.values()) {
            assertThat(keys).contains("validation." + rule.name());
        }
        for (Startup.Step step : Startup.Step.values()) {
            assertThat(keys).contains("startup." + step.name());
        }
        for (Language other : Language.values()) {
            assertThat(keys).contains("language." + other.code());
        }
    }

    @Test
    void noKeyIsLeftUnused() throws IOException {
        Set<String> used = usedInCode();
        Set<String> unused = new HashSet<>();
        for (String key : bundle(Language.FRENCH).stringPropertyNames()) {
            if (!used.contains(key) && BUILT_PREFIXES.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertThat(unused).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTextIsAValidMessageFormatWithoutStraightApostrophes(Language language) {
        Properties texts = bundle(language);
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            assertThatCode(() -> new MessageFormat(text, language.locale())).as(key).doesNotThrowAnyException();
            assertThat(text).as(key + " uses ’ rather than ' (MessageFormat drops single quotes)").doesNotContain("'");
        }
    }
}
