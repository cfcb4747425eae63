package fr.cercle.app.list;

import fr.cercle.model.common.Text;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LiveListTest {

    record Person(int id, String name, String town) {
        String search() {
            return Text.fold(name + " " + town);
        }
    }

    static LiveList<Person> list(List<Person> people) {
        LiveList<Person> list = new LiveList<>(Person::search, Person::id);
        list.setAll(people);
        return list;
    }

    static final List<Person> PEOPLE = List.of(
            new Person(1, "Jeanne Martin", "La Souterraine"),
            new Person(2, "Hélène Dupré", "Azerables"),
            new Person(3, "Martine Aubert", "Saint-Agnant-de-Versillat"),
            new Person(4, "Paul Martinez", "La Souterraine"));

    @Test
    void searchMatchesEveryWordInAnyOrderWhateverTheAccents() {
        LiveList<Person> list = list(PEOPLE);

        list.setQuery("martin");
        assertThat(list.visible()).extracting(Person::id).containsExactly(1, 3, 4);
        list.setQuery("souterraine MARTIN");
        assertThat(list.visible()).extracting(Person::id).containsExactly(1, 4);
        list.setQuery("helene");
        assertThat(list.visible()).extracting(Person::id).containsExactly(2);
        list.setQuery("");
        assertThat(list.visible()).hasSize(4);
    }

    @Test
    void resultsKeepTheSortOrder() {
        LiveList<Person> list = list(PEOPLE);
        list.sort(Comparator.comparing(Person::name).reversed());

        list.setQuery("mart");

        assertThat(list.visible()).extracting(Person::id).containsExactly(4, 3, 1);
    }

    @Test
    void narrowingASearchGivesTheSameResultAsSearchingFromScratch() {
        Random random = new Random(7);
        String[] syllables = {"ma", "ri", "jo", "lu", "ca", "ne", "to", "é", "an"};
        List<Person> many = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new Person(i, syllables[random.nextInt(9)] + syllables[random.nextInt(9)] + syllables[random.nextInt(9)],
                    syllables[random.nextInt(9)] + syllables[random.nextInt(9)]));
        }
        LiveList<Person> typed = list(many);
        typed.sort(Comparator.comparing(Person::name));
        String query = "mari jo";
        for (int end = 1; end <= query.length(); end++) {
            typed.setQuery(query.substring(0, end));
            LiveList<Person> fresh = list(many);
            fresh.sort(Comparator.comparing(Person::name));
            fresh.setQuery(query.substring(0, end));
            assertThat(typed.visible()).as(query.substring(0, end)).containsExactlyElementsOf(fresh.visible());
        }
    }

    @Test
    void filtersCombineWithTheSearch() {
        LiveList<Person> list = list(PEOPLE);
        list.setQuery("martin");

        list.setFilter(p -> p.town().equals("La Souterraine"));

        assertThat(list.visible()).extracting(Person::id).containsExactly(1, 4);
        assertThat(list.totalProperty().get()).isEqualTo(4);
    }

    @Test
    void anUpsertedRowTakesItsSortedPlaceAndReplacesItsOlderSelf() {
        LiveList<Person> list = list(PEOPLE);
        list.sort(Comparator.comparing(Person::name));

        list.upsert(new Person(2, "Aline Dupré", "Azerables"));
        list.upsert(new Person(5, "Noé Petit", "Vareilles"));

        assertThat(list.visible()).extracting(Person::name)
                .containsExactly("Aline Dupré", "Jeanne Martin", "Martine Aubert", "Noé Petit", "Paul Martinez");
        assertThat(list.totalProperty().get()).isEqualTo(5);
    }
}
